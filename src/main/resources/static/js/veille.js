/*
 * Veille's only script, a progressive enhancement: every page and form works without it.
 * - Under a message box, shows the tags, mentions and links found while typing, and whether each
 *   link was already posted (POST /post/preview runs the server's own parser), or the limit the text
 *   goes over, as the form would say it when sent; the topics the cited pages declare are buttons that
 *   add them as tags.
 * - Asks before a deletion is sent.
 * - In a message box: a button and Shift+Tab put the selection between ❝ ❞; Ctrl/Cmd+Enter sends; the
 *   text is kept in localStorage until the server took it, so a session that expired while typing
 *   loses nothing.
 * - Forms are sent once (the button is disabled); star, follow and reply forms marked data-swap are
 *   sent with fetch and only the named part of the page is replaced.
 * - Long threads fold to their last replies, long messages fold in lists, and the home stream says
 *   when newer threads are waiting.
 */
(function () {
  'use strict';

  var DELAY = 400;

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function link(href, text) {
    var anchor = element('a', null, text);
    anchor.href = href;
    return anchor;
  }

  function section(box, label, items) {
    if (!items.length) {
      return;
    }
    var group = element('div', 'preview-group');
    group.appendChild(element('span', 'preview-label', label));
    var list = element('ul');
    items.forEach(function (item) {
      var li = element('li');
      li.appendChild(item);
      list.appendChild(li);
    });
    group.appendChild(list);
    box.appendChild(group);
  }

  /** Adds a tag at the end of the text, as the person would type it. */
  function addTopic(textarea, display) {
    var text = textarea.value.replace(/\s+$/, '');
    textarea.value = text + (text ? ' ' : '') + '#' + display;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.focus();
  }

  function topicButton(textarea, display, label) {
    var button = element('button', 'add-topic', '+ #' + display);
    button.type = 'button';
    button.setAttribute('aria-label', label + ' #' + display);
    button.addEventListener('click', function () {
      addTopic(textarea, display);
    });
    return button;
  }

  /** The topics the server listed under the box (pages already fetched) become buttons that add them. */
  function enhanceTopics(textarea) {
    var offered = textarea.form && textarea.form.querySelector('.topic-suggestions');
    var box = document.getElementById(textarea.dataset.previewTarget);
    if (!offered || !box) {
      return;
    }
    offered.querySelectorAll('[data-topic]').forEach(function (chip) {
      chip.replaceWith(topicButton(textarea, chip.dataset.topic, box.dataset.labelAddTopic));
    });
  }

  function render(box, preview, textarea) {
    box.replaceChildren();
    // The preview offers the topics from now on, up to date with the text.
    var offered = textarea.form && textarea.form.querySelector('.topic-suggestions');
    if (offered) {
      offered.hidden = true;
    }
    if (preview.problem) {
      box.appendChild(element('p', 'field-error preview-problem', preview.problem));
    }
    // A tag typed for the first time has no page yet: tags are named, not linked.
    section(box, box.dataset.labelTags, preview.tags.map(function (tag) {
      return element('span', 'tag-chip', '#' + tag.display);
    }));
    section(box, box.dataset.labelMentions, preview.mentions.map(function (mention) {
      if (mention.path) {
        return link(mention.path, '@' + mention.login);
      }
      var unknown = element('span', 'unknown', '@' + mention.login + ' ');
      unknown.appendChild(element('em', null, '(' + box.dataset.labelUnknown + ')'));
      return unknown;
    }));
    section(box, box.dataset.labelLinks, preview.links.map(function (found) {
      var line = element('span', 'preview-link');
      line.appendChild(element('span', 'url', found.url));
      if (!found.postedIn.length) {
        line.appendChild(element('em', 'new-link', ' (' + box.dataset.labelNew + ')'));
        return line;
      }
      line.appendChild(element('span', 'posted', ' \u2014 ' + box.dataset.labelPosted + ' '));
      found.postedIn.forEach(function (thread, index) {
        if (index > 0) {
          line.appendChild(document.createTextNode(', '));
        }
        line.appendChild(link(thread.path, thread.title));
      });
      return line;
    }));
    var topics = [];
    preview.links.forEach(function (found) {
      (found.topics || []).forEach(function (topic) {
        if (topics.indexOf(topic.display) < 0) {
          topics.push(topic.display);
        }
      });
    });
    section(box, box.dataset.labelTopics, topics.map(function (display) {
      return topicButton(textarea, display, box.dataset.labelAddTopic);
    }));
    box.hidden = !box.childElementCount;
  }

  function enhance(textarea) {
    var box = document.getElementById(textarea.dataset.previewTarget);
    var token = textarea.form && textarea.form.querySelector('input[name="_csrf"]');
    if (!box || !window.fetch) {
      return;
    }
    enhanceTopics(textarea);
    var timer = null;
    var shown = null;
    var pending = null;

    function refresh() {
      var text = textarea.value;
      if (text === shown) {
        return;
      }
      shown = text;
      if (!text.trim()) {
        render(box, { tags: [], mentions: [], links: [], problem: null }, textarea);
        return;
      }
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      var body = new URLSearchParams();
      body.append('text', text);
      if (token) {
        body.append(token.name, token.value);
      }
      fetch(textarea.dataset.previewUrl, {
        method: 'POST',
        body: body,
        credentials: 'same-origin',
        headers: { 'Accept': 'application/json' },
        signal: pending.signal
      }).then(function (response) {
        // 413: a text over the length limit, which the answer explains instead of reading it.
        if (!response.ok && response.status !== 413) {
          throw new Error('preview ' + response.status);
        }
        return response.json();
      }).then(function (preview) {
        render(box, preview, textarea);
      }).catch(function () {
        // The preview only helps; the form works without it.
      });
    }

    textarea.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, DELAY);
    });
    if (textarea.value.trim()) {
      refresh();
    }
  }

  function confirmBeforeSending(form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  }

  var QUOTE_OPEN = '\u275D';
  var QUOTE_CLOSE = '\u275E';
  var DRAFT_PREFIX = 'veille-draft:';
  var POLL_EVERY = 120000;

  function label(name) {
    return document.body.dataset['label' + name] || '';
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function draftKey(form) {
    return DRAFT_PREFIX + form.getAttribute('action');
  }

  function forgetDraft(form) {
    var store = storage();
    if (store) {
      store.removeItem(draftKey(form));
    }
  }

  /** Puts the selected text between ❝ ❞; returns false when nothing is selected. */
  function quoteSelection(textarea) {
    var start = textarea.selectionStart;
    var end = textarea.selectionEnd;
    if (start === end) {
      return false;
    }
    var text = textarea.value;
    textarea.value = text.slice(0, start) + QUOTE_OPEN + text.slice(start, end) + QUOTE_CLOSE + text.slice(end);
    textarea.setSelectionRange(start, end + 2);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  }

  function sendForm(form) {
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function enhanceEditor(textarea) {
    var form = textarea.form;
    if (!form) {
      return;
    }
    var tools = element('div', 'editor-tools');
    var button = element('button', 'quote-button', label('Quote'));
    button.type = 'button';
    // Keep the selection in the text box when the button is pressed.
    button.addEventListener('mousedown', function (event) {
      event.preventDefault();
    });
    button.addEventListener('click', function () {
      quoteSelection(textarea);
      textarea.focus();
    });
    tools.appendChild(button);
    tools.appendChild(element('span', 'hint', label('QuoteHint')));
    textarea.insertAdjacentElement('afterend', tools);
    suggestWhileTyping(textarea, tools);

    textarea.addEventListener('keydown', function (event) {
      // Shift+Tab leaves the box as usual when nothing is selected: the keyboard path stays open.
      if (event.key === 'Tab' && event.shiftKey && quoteSelection(textarea)) {
        event.preventDefault();
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        sendForm(form);
      }
    });

    var store = storage();
    if (!store) {
      return;
    }
    var key = draftKey(form);
    var kept = store.getItem(key);
    if (kept && !textarea.value.trim()) {
      textarea.value = kept;
      var notice = element('p', 'notice draft-restored', label('DraftRestored'));
      notice.setAttribute('role', 'status');
      textarea.insertAdjacentElement('beforebegin', notice);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    textarea.addEventListener('input', function () {
      if (textarea.value.trim()) {
        store.setItem(key, textarea.value);
      } else {
        store.removeItem(key);
      }
    });
  }

  /**
   * Under the box, suggests existing tags after # and logins after @ (two letters at least); arrows
   * choose, Enter or Tab take, Escape closes. The list is an ARIA listbox tied to the text box.
   */
  function suggestWhileTyping(textarea, anchor) {
    if (!window.fetch) {
      return;
    }
    var list = element('ul', 'suggestions');
    list.id = textarea.id + '-suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', label('Suggestions'));
    list.hidden = true;
    anchor.insertAdjacentElement('beforebegin', list);
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-controls', list.id);
    var timer = null;
    var word = null;
    var active = -1;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      active = -1;
      textarea.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
      var options = list.querySelectorAll('[role=option]');
      active = index;
      options.forEach(function (option, i) {
        option.setAttribute('aria-selected', String(i === index));
      });
      if (options[index]) {
        textarea.setAttribute('aria-activedescendant', options[index].id);
      }
    }

    function take(value) {
      var caret = textarea.selectionStart;
      var before = textarea.value.slice(0, caret - word.typed.length);
      var after = textarea.value.slice(caret);
      var inserted = value + (after.charAt(0) === ' ' ? '' : ' ');
      textarea.value = before + inserted + after;
      textarea.setSelectionRange(before.length + inserted.length, before.length + inserted.length);
      close();
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      textarea.focus();
    }

    function show(suggestions) {
      close();
      suggestions.forEach(function (suggestion, index) {
        var option = element('li', null, word.sigil + suggestion.value);
        option.id = list.id + '-' + index;
        option.setAttribute('role', 'option');
        option.dataset.value = suggestion.value;
        if (suggestion.label) {
          option.appendChild(element('span', 'suggestion-label', ' ' + suggestion.label));
        }
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          take(suggestion.value);
        });
        list.appendChild(option);
      });
      if (suggestions.length) {
        list.hidden = false;
      }
    }

    function lookUp() {
      var match = /(^|[\s(])([#@])([^\s#@,;:!?()]{2,100})$/.exec(textarea.value.slice(0, textarea.selectionStart));
      if (!match) {
        word = null;
        close();
        return;
      }
      word = { sigil: match[2], typed: match[3] };
      var endpoint = match[2] === '#' ? document.body.dataset.completeTags : document.body.dataset.completePeople;
      var asked = word;
      fetch(endpoint + '?q=' + encodeURIComponent(match[3]), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (response) {
          return response.ok ? response.json() : [];
        })
        .then(function (suggestions) {
          if (word === asked) {
            show(suggestions);
          }
        })
        .catch(close);
    }

    textarea.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(lookUp, 150);
    });
    textarea.addEventListener('blur', function () {
      window.setTimeout(close, 100);
    });
    textarea.addEventListener('keydown', function (event) {
      if (list.hidden) {
        return;
      }
      var count = list.childElementCount;
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        highlight((active + 1) % count);
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        highlight((active - 1 + count) % count);
      } else if ((event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.metaKey && !event.shiftKey && active >= 0) {
        event.preventDefault();
        event.stopImmediatePropagation();
        take(list.children[active].dataset.value);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
  }

  function setSending(form, sending) {
    if (sending) {
      form.dataset.sending = 'true';
    } else {
      delete form.dataset.sending;
    }
    form.querySelectorAll('button[type=submit]').forEach(function (button) {
      button.disabled = sending;
    });
  }

  function isSignedIn(doc) {
    return !!doc.querySelector('.site-nav a.me');
  }

  /** Replaces the parts named by the selectors (and the notices) with those of the page the server sent. */
  function swapParts(html, selectors) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var focused = document.activeElement;
    selectors.split(',').forEach(function (selector) {
      var old = document.querySelector(selector.trim());
      var fresh = doc.querySelector(selector.trim());
      if (!old || !fresh) {
        return;
      }
      var hadFocus = old.contains(focused);
      var imported = document.importNode(fresh, true);
      old.replaceWith(imported);
      enhanceWithin(imported);
      if (hadFocus) {
        var next = imported.querySelector('button, a[href]');
        if (next) {
          next.focus();
        }
      }
    });
    var notices = document.querySelector('.notices');
    if (notices) {
      notices.remove();
    }
    var freshNotices = doc.querySelector('.notices');
    var header = document.querySelector('.site-header');
    if (freshNotices && header) {
      header.insertAdjacentElement('afterend', document.importNode(freshNotices, true));
    }
  }

  /**
   * Sends the form with fetch. Taken and on the same page: the data-swap parts are replaced; taken
   * elsewhere: the browser goes there; refused: the form is sent the ordinary way so the server's
   * page with the error shows; the session gone: the draft stays and the sign-in page opens.
   */
  function sendWithFetch(form) {
    setSending(form, true);
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      return response.text().then(function (html) {
        var landed = new URL(response.url);
        var doc = new DOMParser().parseFromString(html, 'text/html');
        if (!isSignedIn(doc)) {
          window.location.assign(document.body.dataset.loginUrl || '/login');
          return;
        }
        if (!response.ok || !response.redirected) {
          setSending(form, false);
          HTMLFormElement.prototype.submit.call(form);
          return;
        }
        forgetDraft(form);
        if (form.dataset.swap && landed.pathname === window.location.pathname) {
          form.reset();
          swapParts(html, form.dataset.swap);
          setSending(form, false);
          form.querySelectorAll('.preview').forEach(function (box) {
            box.hidden = true;
          });
          return;
        }
        window.location.assign(response.url);
      });
    }).catch(function () {
      setSending(form, false);
      HTMLFormElement.prototype.submit.call(form);
    });
  }

  function guardSubmission(form) {
    form.addEventListener('submit', function (event) {
      if (event.defaultPrevented) {
        return;
      }
      if (form.dataset.sending) {
        event.preventDefault();
        return;
      }
      var usesFetch = window.fetch && window.DOMParser && (form.dataset.swap || form.querySelector('textarea[name=text]'));
      if (usesFetch) {
        event.preventDefault();
        sendWithFetch(form);
        return;
      }
      // An ordinary submission: a second click must not send it again.
      form.dataset.sending = 'true';
      window.setTimeout(function () {
        setSending(form, true);
      }, 0);
      if (form.querySelector('textarea[name=text]')) {
        forgetDraft(form);
      }
    });
  }

  /** A long thread shows its last replies; a button brings back the earlier ones. */
  function foldReplies(section) {
    var text = section.dataset.earlier;
    var replies = section.querySelectorAll('article.reply');
    var keep = 5;
    if (!text || replies.length <= keep + 3) {
      return;
    }
    var hidden = Array.prototype.slice.call(replies, 0, replies.length - keep);
    if (window.location.hash && hidden.some(function (reply) {
      return '#' + reply.id === window.location.hash;
    })) {
      return;
    }
    hidden.forEach(function (reply) {
      reply.hidden = true;
    });
    var button = element('button', 'show-earlier', text);
    button.type = 'button';
    button.addEventListener('click', function () {
      hidden.forEach(function (reply) {
        reply.hidden = false;
      });
      button.remove();
      var first = hidden[0].querySelector('a');
      if (first) {
        first.focus();
      }
    });
    hidden[0].insertAdjacentElement('beforebegin', button);
  }

  /** A long message in a list shows its beginning and a button to read the rest. */
  function foldLongMessage(body) {
    if (body.scrollHeight <= 420) {
      return;
    }
    body.classList.add('folded');
    if (!body.id) {
      body.id = 'body-' + Math.random().toString(36).slice(2);
    }
    var button = element('button', 'fold-toggle', label('More'));
    button.type = 'button';
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', body.id);
    button.addEventListener('click', function () {
      var folded = body.classList.toggle('folded');
      button.setAttribute('aria-expanded', String(!folded));
      button.textContent = folded ? label('More') : label('Less');
    });
    body.insertAdjacentElement('afterend', button);
  }

  /** On the home stream, asks the server now and then whether newer threads came, and says so once. */
  function watchForNewThreads(list) {
    var first = list.querySelector('article.card');
    var told = false;
    if (!first || !window.fetch || !window.DOMParser) {
      return;
    }
    function check() {
      if (document.hidden || told) {
        return;
      }
      fetch(window.location.pathname, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (response) {
          return response.ok ? response.text() : '';
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var newest = doc.querySelector('.stream article.card');
          if (newest && newest.id !== first.id && !told) {
            told = true;
            var notice = element('p', 'notice new-messages');
            notice.setAttribute('role', 'status');
            notice.appendChild(link(window.location.pathname, label('NewMessages')));
            list.insertAdjacentElement('beforebegin', notice);
          }
        })
        .catch(function () {
          // Try again at the next tick.
        });
    }
    window.setInterval(check, POLL_EVERY);
    // Coming back to the tab is when a reader wants to know.
    window.addEventListener('focus', check);
  }

  function enhanceWithin(root) {
    root.querySelectorAll('textarea[data-preview-url]').forEach(enhance);
    root.querySelectorAll('form[data-confirm]').forEach(confirmBeforeSending);
    root.querySelectorAll('form.post-form textarea[name=text]').forEach(enhanceEditor);
    root.querySelectorAll('form[method=post], form[method=POST]').forEach(guardSubmission);
  }

  document.addEventListener('DOMContentLoaded', function () {
    enhanceWithin(document);
    document.querySelectorAll('section.replies[data-earlier]').forEach(foldReplies);
    document.querySelectorAll('.thread-list .card > .message-body').forEach(foldLongMessage);
    document.querySelectorAll('.stream[data-watch]').forEach(watchForNewThreads);
  });
}());
