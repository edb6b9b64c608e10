/*
 * Perhebotti widget for a municipality's own web page:
 *   <script src="https://<perhebotti address>/widget.js" defer></script>
 * Adds a "Kysy Perhebotilta" button (in Swedish or English on such pages) that opens the
 * chat in a panel. The chat talks to the
 * address the script came from; that address must list the page's origin in
 * PERHEBOTTI_CORS_ORIGINS. Styles live in a shadow root, so the page's CSS does not leak in.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || document.getElementById("perhebotti-widget")) return;
  var origin = new URL(script.src).origin;
  /* The launcher's texts in the visitor's language (PerhebottiChat.language decides). */
  var TEXTS = {
    fi: { open: "Kysy Perhebotilta", close: "Sulje" },
    sv: { open: "Fråga Perhebotti", close: "Stäng" },
    en: { open: "Ask Perhebotti", close: "Close" },
  };

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function start() {
    var host = document.createElement("div");
    host.id = "perhebotti-widget";
    var lang = window.PerhebottiChat.language();
    var text = TEXTS[lang];
    host.lang = lang;
    var shadow = host.attachShadow({ mode: "open" });
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = origin + "/static/chat.css";

    var launcher = element("button", "pb-launcher", text.open);
    launcher.type = "button";
    launcher.setAttribute("aria-haspopup", "dialog");
    var panel = element("div", "pb-panel");
    panel.id = "perhebotti-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "perhebotti-panel-title");
    var header = element("div", "pb-panel-header");
    var title = element("h2", "pb-panel-title", "Perhebotti");
    title.id = "perhebotti-panel-title";
    var close = element("button", "pb-close", text.close);
    close.type = "button";
    var body = element("div", "pb-panel-body");
    header.append(title, close);
    panel.append(header, body);
    shadow.append(style, launcher, panel);
    document.body.appendChild(host);
    var chat = window.PerhebottiChat.mount(body, { apiBase: origin, lang: lang });

    launcher.addEventListener("click", function () {
      panel.hidden = false;
      launcher.hidden = true;
      chat.input.focus();
    });

    function hide() {
      panel.hidden = true;
      launcher.hidden = false;
      launcher.focus();
    }

    close.addEventListener("click", hide);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") hide();
    });
  }

  function load() {
    if (window.PerhebottiChat) {
      start();
      return;
    }
    var chatScript = document.createElement("script");
    chatScript.src = origin + "/static/chat.js";
    chatScript.addEventListener("load", start);
    document.head.appendChild(chatScript);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
})();
