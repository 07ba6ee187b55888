/*
 * Veille's only script, a progressive enhancement: every page and form works without it.
 * - Under a message box, shows the tags, mentions and links found while typing, and whether each
 *   link was already posted (POST /post/preview runs the server's own parser).
 * - Asks before a deletion is sent.
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

  function render(box, preview) {
    box.replaceChildren();
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
    box.hidden = !box.childElementCount;
  }

  function enhance(textarea) {
    var box = document.getElementById(textarea.dataset.previewTarget);
    var token = textarea.form && textarea.form.querySelector('input[name="_csrf"]');
    if (!box || !window.fetch) {
      return;
    }
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
        render(box, { tags: [], mentions: [], links: [] });
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
        if (!response.ok) {
          throw new Error('preview ' + response.status);
        }
        return response.json();
      }).then(function (preview) {
        render(box, preview);
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

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('textarea[data-preview-url]').forEach(enhance);
    document.querySelectorAll('form[data-confirm]').forEach(confirmBeforeSending);
  });
}());
