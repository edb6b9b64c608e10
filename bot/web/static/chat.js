/*
 * Perhebotti chat: builds an accessible chat inside an element and talks to the gateway.
 * Used by the chat page (elements with data-perhebotti-chat) and by widget.js.
 * Bot text is never inserted as HTML: it becomes text nodes, and markdown links
 * [text](url) become <a> elements only for http(s), tel and mailto addresses.
 */
(function () {
  "use strict";

  var LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
  var SAFE_SCHEMES = ["http:", "https:", "tel:", "mailto:"];
  var MAX_CHARS = 1000;
  var TEXT = {
    intro:
      "Hei! Kysy perheiden palveluista, esimerkiksi: Mitä palveluita Laukaan HyPessä on? " +
      "Kiireellisessä hätätilanteessa soita 112.",
    /* The same sentence as bot.privacy.PRIVACY_NOTICE (a test keeps them equal). */
    privacy:
      "Älä kirjoita henkilötietoja, kuten henkilötunnusta tai puhelinnumeroa. " +
      "Keskustelut säilytetään 90 päivää.",
    log: "Keskustelu Perhebotin kanssa",
    label: "Kirjoita kysymyksesi",
    send: "Lähetä",
    you: "Sinä: ",
    bot: "Perhebotti: ",
    choices: "Vastausvaihtoehdot",
    typing: "Perhebotti kirjoittaa…",
    empty: "Kirjoita ensin kysymys.",
    noAnswer: "En osannut vastata tähän. Kokeile kysyä toisin sanoin.",
    failed: "Perhebotti ei pystynyt vastaamaan. Yritä hetken kuluttua uudelleen.",
    offline:
      "Yhteys Perhebottiin ei toimi. Tarkista verkkoyhteys ja yritä uudelleen. " +
      "Hätätilanteessa soita 112.",
    newTab: " (avautuu uuteen välilehteen)",
  };
  var mounted = 0;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function safeHref(url) {
    var parsed;
    try {
      parsed = new URL(url);
    } catch (error) {
      return null;
    }
    return SAFE_SCHEMES.indexOf(parsed.protocol) >= 0 ? parsed.href : null;
  }

  /* Append text to parent, turning safe markdown links into real links. */
  function appendRichText(parent, text) {
    var last = 0;
    var match;
    LINK.lastIndex = 0;
    while ((match = LINK.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      var href = safeHref(match[2]);
      if (href) {
        var link = element("a", null, match[1]);
        link.href = href;
        if (/^https?:/.test(href)) {
          link.target = "_blank";
          link.rel = "noopener noreferrer";
          link.appendChild(element("span", "pb-sr", TEXT.newTab));
        }
        parent.appendChild(link);
      } else {
        parent.appendChild(document.createTextNode(match[0]));
      }
      last = LINK.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function storage() {
    try {
      return window.sessionStorage;
    } catch (error) {
      return null;
    }
  }

  /*
   * Build the chat inside root. options.apiBase is the gateway's origin ("" = this page's).
   * Returns {input} so a host (the widget) can move focus into the chat.
   */
  function mount(root, options) {
    var apiBase = (options && options.apiBase) || "";
    var id = "perhebotti-" + ++mounted;
    var storageKey = "perhebotti-session@" + (apiBase || window.location.origin);
    var memoryToken = null;
    var pending = false;

    var chat = element("div", "pb-chat");
    var intro = element("p", "pb-intro", TEXT.intro);
    intro.id = id + "-intro";
    var privacy = element("p", "pb-privacy", TEXT.privacy);
    privacy.id = id + "-privacy";
    var log = element("div", "pb-log");
    log.setAttribute("role", "log");
    log.setAttribute("aria-label", TEXT.log);
    log.tabIndex = 0;
    var status = element("p", "pb-status");
    status.setAttribute("role", "status");
    var form = element("form", "pb-form");
    var label = element("label", "pb-label", TEXT.label);
    label.htmlFor = id + "-input";
    var row = element("div", "pb-row");
    var input = element("input", "pb-input");
    input.id = id + "-input";
    input.type = "text";
    input.maxLength = MAX_CHARS;
    input.autocomplete = "off";
    input.setAttribute("enterkeyhint", "send");
    input.setAttribute("aria-describedby", intro.id + " " + privacy.id);
    var sendButton = element("button", "pb-send", TEXT.send);
    sendButton.type = "submit";
    row.append(input, sendButton);
    form.append(label, row);
    chat.append(intro, privacy, log, status, form);
    root.appendChild(chat);

    function show(message) {
      log.appendChild(message);
      log.scrollTop = log.scrollHeight;
    }

    function showUser(text) {
      var message = element("div", "pb-msg pb-user");
      message.append(element("span", "pb-sr", TEXT.you), element("span", "pb-text", text));
      show(message);
    }

    function showNotice(text, className) {
      var message = element("div", "pb-msg " + className);
      message.append(element("span", "pb-sr", TEXT.bot), element("span", "pb-text", text));
      show(message);
    }

    function showBot(reply) {
      var message = element("div", "pb-msg pb-bot");
      message.appendChild(element("span", "pb-sr", TEXT.bot));
      var text = element("span", "pb-text");
      appendRichText(text, reply.text || "");
      message.appendChild(text);
      if (reply.buttons && reply.buttons.length) {
        var group = element("div", "pb-choices");
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", TEXT.choices);
        reply.buttons.forEach(function (choice) {
          var button = element("button", "pb-choice", choice.title);
          button.type = "button";
          button.addEventListener("click", function () {
            send(choice.payload, choice.title);
            input.focus();
          });
          group.appendChild(button);
        });
        message.appendChild(group);
      }
      show(message);
    }

    async function post(path, body) {
      var response = await fetch(apiBase + path, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
        credentials: "omit",
      });
      var data = null;
      try {
        data = await response.json();
      } catch (error) {
        data = null;
      }
      return { ok: response.ok, status: response.status, data: data || {} };
    }

    async function token(renew) {
      var store = storage();
      var saved = renew ? null : (store && store.getItem(storageKey)) || memoryToken;
      if (saved) return saved;
      var result = await post("/api/session", {});
      if (!result.ok) return null;
      memoryToken = result.data.session;
      if (store) store.setItem(storageKey, memoryToken);
      return memoryToken;
    }

    /* Send one message; a token the gateway no longer knows is renewed once. */
    async function exchange(text) {
      var result = null;
      for (var attempt = 0; attempt < 2; attempt++) {
        var session = await token(attempt > 0);
        if (!session) return { ok: false, data: {} };
        result = await post("/api/messages", { session: session, message: text });
        if (result.status !== 401) break;
      }
      return result;
    }

    async function send(text, shownAs) {
      if (pending) return;
      pending = true;
      showUser(shownAs);
      status.textContent = TEXT.typing;
      try {
        var result = await exchange(text);
        if (!result.ok) {
          showNotice(result.data.message || TEXT.failed, "pb-error");
        } else if (!result.data.messages || !result.data.messages.length) {
          showNotice(TEXT.noAnswer, "pb-bot");
        } else {
          result.data.messages.forEach(showBot);
        }
      } catch (error) {
        showNotice(TEXT.offline, "pb-error");
      } finally {
        pending = false;
        status.textContent = "";
      }
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value.trim();
      if (!text) {
        status.textContent = TEXT.empty;
        return;
      }
      if (pending) return;
      input.value = "";
      send(text, text);
    });

    return { input: input };
  }

  window.PerhebottiChat = { mount: mount };

  function mountAll() {
    var roots = document.querySelectorAll("[data-perhebotti-chat]");
    Array.prototype.forEach.call(roots, function (root) {
      mount(root, { apiBase: root.getAttribute("data-perhebotti-chat") });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
