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
  var LANGUAGES = ["fi", "sv", "en"];
  var DEFAULT_LANGUAGE = "fi";
  var TRY_AGAIN = {
    fi: "Yritä hetken kuluttua uudelleen. Hätätilanteessa soita 112.",
    sv: "Försök igen om en stund. Ring 112 i en nödsituation.",
    en: "Please try again in a moment. In an emergency, call 112.",
  };
  /* The page's own texts, one table per language; errors by the gateway's error code. */
  var TEXTS = {
    fi: {
      title: "Perhebotti – kysy perheiden palveluista",
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
      failed: "Perhebotti ei pystynyt vastaamaan. " + TRY_AGAIN.fi,
      offline:
        "Yhteys Perhebottiin ei toimi. Tarkista verkkoyhteys ja yritä uudelleen. " +
        "Hätätilanteessa soita 112.",
      newTab: " (avautuu uuteen välilehteen)",
      errors: {
        empty_message: "Kirjoita viesti ennen kuin lähetät sen.",
        message_too_long: "Viesti on liian pitkä. Kirjoita enintään 1000 merkkiä.",
        rate_limited: "Lähetit monta viestiä lyhyessä ajassa. Odota hetki ja yritä uudelleen.",
        bot_unavailable: "Perhebotti ei ole juuri nyt käytettävissä. " + TRY_AGAIN.fi,
        bot_timeout: "Perhebotti ei vastannut ajoissa. " + TRY_AGAIN.fi,
      },
    },
    sv: {
      title: "Perhebotti – fråga om tjänster för familjer",
      intro:
        "Hej! Fråga om tjänster för familjer, till exempel: Vilka tjänster finns på HyPe " +
        "i Laukaa? Ring 112 i brådskande nödsituationer.",
      privacy:
        "Skriv inga personuppgifter, såsom personbeteckning eller telefonnummer. " +
        "Samtalen sparas i 90 dagar.",
      log: "Samtal med Perhebotti",
      label: "Skriv din fråga",
      send: "Skicka",
      you: "Du: ",
      bot: "Perhebotti: ",
      choices: "Svarsalternativ",
      typing: "Perhebotti skriver…",
      empty: "Skriv först en fråga.",
      noAnswer: "Jag kunde inte svara på det här. Försök fråga med andra ord.",
      failed: "Perhebotti kunde inte svara. " + TRY_AGAIN.sv,
      offline:
        "Det går inte att nå Perhebotti. Kontrollera nätförbindelsen och försök igen. " +
        "Ring 112 i en nödsituation.",
      newTab: " (öppnas i en ny flik)",
      errors: {
        empty_message: "Skriv ett meddelande innan du skickar det.",
        message_too_long: "Meddelandet är för långt. Skriv högst 1000 tecken.",
        rate_limited:
          "Du skickade många meddelanden på kort tid. Vänta en stund och försök igen.",
        bot_unavailable: "Perhebotti är inte tillgänglig just nu. " + TRY_AGAIN.sv,
        bot_timeout: "Perhebotti svarade inte i tid. " + TRY_AGAIN.sv,
      },
    },
    en: {
      title: "Perhebotti – ask about services for families",
      intro:
        "Hello! Ask about services for families, for example: What services does HyPe " +
        "in Laukaa offer? In an urgent emergency, call 112.",
      privacy:
        "Do not type personal data, such as your personal identity code or phone number. " +
        "Conversations are kept for 90 days.",
      log: "Conversation with Perhebotti",
      label: "Type your question",
      send: "Send",
      you: "You: ",
      bot: "Perhebotti: ",
      choices: "Answer options",
      typing: "Perhebotti is typing…",
      empty: "Please type a question first.",
      noAnswer: "I could not answer that. Try asking in other words.",
      failed: "Perhebotti could not answer. " + TRY_AGAIN.en,
      offline:
        "Perhebotti cannot be reached. Check your internet connection and try again. " +
        "In an emergency, call 112.",
      newTab: " (opens in a new tab)",
      errors: {
        empty_message: "Type a message before you send it.",
        message_too_long: "The message is too long. Write at most 1,000 characters.",
        rate_limited: "You sent many messages in a short time. Wait a moment and try again.",
        bot_unavailable: "Perhebotti is not available right now. " + TRY_AGAIN.en,
        bot_timeout: "Perhebotti did not answer in time. " + TRY_AGAIN.en,
      },
    },
  };
  var mounted = 0;

  /* "sv", "sv-FI" or "SV" → "sv"; anything that is not one of the bot's languages → null. */
  function known(tag) {
    if (!tag) return null;
    var base = String(tag).trim().toLowerCase().split("-")[0];
    return LANGUAGES.indexOf(base) >= 0 ? base : null;
  }

  /*
   * The visitor's language: ?lang=sv|en|fi in the address, else the embedding page's lang
   * (not the chat page's own default, marked data-perhebotti-default-lang), else the first
   * of the browser's languages that the bot speaks, else Finnish.
   */
  function pageLanguage() {
    var chosen = null;
    try {
      chosen = known(new URLSearchParams(window.location.search).get("lang"));
    } catch (error) {
      chosen = null;
    }
    var root = document.documentElement;
    if (!chosen && !root.hasAttribute("data-perhebotti-default-lang")) chosen = known(root.lang);
    var wanted = navigator.languages && navigator.languages.length
      ? navigator.languages
      : [navigator.language];
    for (var i = 0; !chosen && i < wanted.length; i++) chosen = known(wanted[i]);
    return chosen || DEFAULT_LANGUAGE;
  }

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

  /* Append text to parent, turning safe markdown links into real links (texts: the page's). */
  function appendRichText(parent, text, texts) {
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
          link.appendChild(element("span", "pb-sr", texts.newTab));
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
   * Build the chat inside root. options.apiBase is the gateway's origin ("" = this page's);
   * options.lang the language (the visitor's by default). Returns {input, lang} so a host
   * (the widget) can move focus into the chat.
   */
  function mount(root, options) {
    var apiBase = (options && options.apiBase) || "";
    var lang = known(options && options.lang) || pageLanguage();
    var TEXT = TEXTS[lang];
    var id = "perhebotti-" + ++mounted;
    var storageKey = "perhebotti-session@" + (apiBase || window.location.origin);
    var memoryToken = null;
    var pending = false;

    var chat = element("div", "pb-chat");
    chat.lang = lang;
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
      message.lang = lang;
      message.append(element("span", "pb-sr", TEXT.you), element("span", "pb-text", text));
      show(message);
    }

    function showNotice(text, className) {
      var message = element("div", "pb-msg " + className);
      message.lang = lang;
      message.append(element("span", "pb-sr", TEXT.bot), element("span", "pb-text", text));
      show(message);
    }

    function showBot(reply) {
      var message = element("div", "pb-msg pb-bot");
      message.lang = known(reply.lang) || lang;
      message.appendChild(element("span", "pb-sr", TEXT.bot));
      var text = element("span", "pb-text");
      appendRichText(text, reply.text || "", TEXT);
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
        result = await post("/api/messages", {
          session: session,
          message: text,
          metadata: { language: lang },
        });
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
          showNotice(TEXT.errors[result.data.error] || TEXT.failed, "pb-error");
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

    return { input: input, lang: lang };
  }

  window.PerhebottiChat = { mount: mount, language: pageLanguage };

  function mountAll() {
    var root = document.documentElement;
    if (root.hasAttribute("data-perhebotti-default-lang")) {
      /* The chat page itself: the whole page takes the visitor's language. */
      var lang = pageLanguage();
      root.lang = lang;
      document.title = TEXTS[lang].title;
    }
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
