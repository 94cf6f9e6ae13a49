/*
 * Russian search over the knowledge base's index (search/kb_index.js, written by hooks/search.py).
 *
 * Query pipeline: lower case, «ё» → «е», words split on anything that is not a letter or a digit
 * (so «» „“ — ( ) … never stick to a word), stop words dropped, reader synonyms and aliases expanded,
 * words stemmed with Snowball Russian (the same stemmer stems the index when it loads), the last word
 * also matched as a prefix (the reader is still typing), a word absent from the index matched with one
 * typo. A Latin query typed in the ЙЦУКЕН layout («vfrc») is retried as Russian («макс»).
 *
 * Ranking: BM25 per section (title and aliases weigh more than body text); a page ranks by its best
 * section, so long repetitive pages do not crowd the first results.
 *
 * Works in a Web Worker, in Material's iframe-worker shim (file://) and in Node (tests).
 */
(function (root) {
  "use strict";

  var LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
  var CYRILLIC = "йцукенгшщзхъфывапролджэячсмитьбюе";
  var STOP_WORDS = new Set((
    "а без бы в во вот все всем всех где да для до его ее если есть же за и из или им их к как " +
    "какая какие какое какой ко когда кто куда ли либо мне мной мой моя мою мои мы на над нам нас " +
    "не нет ни но ну о об он она они оно от по под при про с со так там то тот ту ты у уже чем что " +
    "чтобы эта эти это я вы вас вам ваш ваша ваше ваши себя свой свою мой можно ли может могу " +
    "нужно надо делать сделать"
  ).split(" "));
  var WEIGHT = { title: 3, alias: 3, text: 1 };
  var K1 = 1.2, B = 0.75;
  var MAX_PREFIX_EXPANSIONS = 20;
  var PAGE_TITLE_WEIGHT = 1.5;
  var MAX_PAGES = 30;  // pages in the result list: nobody reads further on a phone
  var WORD = /[\p{L}\p{N}]+/gu;

  function normalize(text) {
    return String(text).toLowerCase().replace(/ё/g, "е");
  }

  function words(text) {
    return normalize(text).match(WORD) || [];
  }

  function fromLayout(query) {
    var out = "";
    for (var i = 0; i < query.length; i++) {
      var at = LATIN.indexOf(query[i]);
      out += at >= 0 ? CYRILLIC[at] : query[i];
    }
    return out;
  }

  function stripTags(html) {
    return String(html).replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ").replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&")
      .replace(/\s+/g, " ").trim();
  }

  function escapeHtml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function editDistanceAtMost(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return false;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous[j] = j;
    for (var i = 1; i <= a.length; i++) {
      var current = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        best = Math.min(best, current[j]);
      }
      if (best > limit) return false;
      previous = current;
    }
    return previous[b.length] <= limit;
  }

  /* stemWord: a function from a lower-case word to its Snowball Russian stem. */
  function Engine(data, stemWord) {
    var cache = new Map(), surface = new Map();
    this.stem = function (word) {
      var stem = cache.get(word);
      if (stem === undefined) {
        stem = /[а-я]/.test(word) && word.length > 2 ? stemWord(word) : word;
        cache.set(word, stem);
      }
      return stem;
    };
    /* The stem of a word as it is written in a text («Поддержки» → «поддержк»). */
    this.stemOfText = function (word) {
      var stem = surface.get(word);
      if (stem === undefined) surface.set(word, stem = this.stem(normalize(word)));
      return stem;
    };
    this.docs = data.docs.map(function (doc) {
      var plain = stripTags(doc[2]);
      return { location: doc[0], title: doc[1], plain: plain, page: doc[0].split("#")[0], aliases: doc[3] || [],
               boost: doc.length > 4 ? doc[4] : 1 };
    });
    this.pageDoc = new Map();
    this.postings = new Map();
    var totalLength = 0, self = this;
    this.docs.forEach(function (doc, index) {
      if (!self.pageDoc.has(doc.page) && doc.location === doc.page) self.pageDoc.set(doc.page, index);
      var fields = { title: words(doc.title), alias: words(doc.aliases.join(" ")), text: words(doc.plain) };
      doc.heading = new Set(fields.title.concat(fields.alias).map(self.stem));
      doc.length = fields.text.length + fields.title.length;
      totalLength += doc.length;
      Object.keys(fields).forEach(function (field) {
        fields[field].forEach(function (word) {
          var stem = self.stem(word), list = self.postings.get(stem);
          if (!list) self.postings.set(stem, list = new Map());
          var entry = list.get(index);
          if (!entry) list.set(index, entry = { title: 0, alias: 0, text: 0 });
          entry[field] += 1;
        });
      });
    });
    this.averageLength = totalLength / Math.max(1, this.docs.length);
    this.vocabulary = Array.from(this.postings.keys());
    // Synonym phrases, each a list of stems; a phrase points to every phrase of its group.
    this.synonyms = (data.synonyms || []).map(function (group) {
      return group.map(function (phrase) { return words(phrase).map(self.stem); }).filter(function (p) { return p.length; });
    });
  }

  Engine.prototype.idf = function (stem) {
    var list = this.postings.get(stem);
    var n = list ? list.size : 0;
    return Math.log(1 + (this.docs.length - n + 0.5) / (n + 0.5));
  };

  /* The index stems a query word matches, each with a weight: exact, prefix (last word), one typo. */
  Engine.prototype.expand = function (stem, word, isLast) {
    var found = new Map();
    if (this.postings.has(stem)) found.set(stem, 1);
    if (isLast && word.length >= 3) {
      var count = 0;
      for (var i = 0; i < this.vocabulary.length && count < MAX_PREFIX_EXPANSIONS; i++) {
        var term = this.vocabulary[i];
        if (term !== stem && term.startsWith(word)) { found.set(term, 0.6); count++; }
      }
    }
    if (!found.size && stem.length >= 4) {
      var limit = stem.length >= 8 ? 2 : 1;
      for (var j = 0; j < this.vocabulary.length; j++) {
        var candidate = this.vocabulary[j];
        if (candidate[0] === stem[0] && editDistanceAtMost(stem, candidate, limit)) found.set(candidate, 0.7);
      }
    }
    return found;
  };

  /* Query → slots; a slot is what one reader word (or phrase) may mean: alternatives of stem lists. */
  Engine.prototype.parse = function (query) {
    var tokens = words(query);
    var content = tokens.filter(function (w) { return !STOP_WORDS.has(w); });
    if (!content.length) content = tokens;
    var stems = content.map(this.stem);
    var trailingSpace = /\s$/.test(query);
    var slots = [], i = 0;
    while (i < stems.length) {
      var match = this.synonymAt(stems, i);
      var isLast = !trailingSpace && i + (match ? match.length : 1) === stems.length;
      if (match) {
        slots.push({ word: content.slice(i, i + match.length).join(" "), alternatives: match.group, last: isLast });
        i += match.length;
      } else {
        slots.push({ word: content[i], alternatives: [[stems[i]]], last: isLast, raw: content[i] });
        i += 1;
      }
    }
    return slots;
  };

  Engine.prototype.synonymAt = function (stems, start) {
    var best = null;
    this.synonyms.forEach(function (group) {
      group.forEach(function (phrase) {
        if (phrase.length <= stems.length - start && (!best || phrase.length > best.length) &&
            phrase.every(function (stem, k) { return stems[start + k] === stem; })) {
          best = { length: phrase.length, group: group };
        }
      });
    });
    return best;
  };

  /* How many slots the index knows anything about (to choose between a query and its layout twin). */
  Engine.prototype.known = function (slots) {
    var self = this;
    return slots.filter(function (slot) {
      return slot.alternatives.some(function (alt) {
        return alt.every(function (stem) { return self.postings.has(stem); });
      });
    }).length;
  };

  Engine.prototype.termScores = function (stem, weight) {
    var list = this.postings.get(stem), scores = new Map();
    if (!list) return scores;
    var idf = this.idf(stem), self = this;
    list.forEach(function (entry, index) {
      var tf = WEIGHT.title * entry.title + WEIGHT.alias * entry.alias + WEIGHT.text * entry.text;
      var norm = K1 * (1 - B + B * self.docs[index].length / self.averageLength);
      var score = idf * tf * (K1 + 1) / (tf + norm);
      if (entry.title || entry.alias) score += idf;  // a heading hit outranks any body hit
      scores.set(index, score * weight);
    });
    return scores;
  };

  /* Per slot: doc → {score, stems}; the best alternative wins. */
  Engine.prototype.scoreSlot = function (slot) {
    var self = this, result = new Map();
    slot.alternatives.forEach(function (alt) {
      var perStem = alt.map(function (stem) {
        var merged = new Map();
        var word = alt.length === 1 && slot.raw ? slot.raw : stem;
        self.expand(stem, word, slot.last && alt.length === 1).forEach(function (weight, term) {
          self.termScores(term, weight).forEach(function (score, doc) {
            var current = merged.get(doc);
            if (!current || current.score < score) merged.set(doc, { score: score, stem: term });
          });
        });
        return merged;
      });
      perStem[0].forEach(function (first, doc) {
        var total = first.score, stems = [first.stem];
        for (var k = 1; k < perStem.length; k++) {
          var hit = perStem[k].get(doc);
          if (!hit) return;  // a phrase matches only with all its words
          total += hit.score;
          stems.push(hit.stem);
        }
        total /= Math.sqrt(alt.length);
        // The best alternative scores; every matching one is highlighted.
        var current = result.get(doc);
        if (!current) result.set(doc, current = { score: 0, stems: [] });
        current.score = Math.max(current.score, total);
        Array.prototype.push.apply(current.stems, stems);
      });
    });
    return result;
  };

  Engine.prototype.bestSlots = function (query) {
    var slots = this.parse(query);
    var latin = normalize(query);
    if (/[a-z]/.test(latin)) {
      var twin = this.parse(fromLayout(latin));
      if (this.known(twin) > this.known(slots)) slots = twin;
    }
    return slots;
  };

  Engine.prototype.search = function (query) {
    var slots = this.bestSlots(query), self = this;
    if (!slots.length) return { items: [], suggest: [] };
    var perSlot = slots.map(function (slot) { return self.scoreSlot(slot); });
    var docs = new Map();
    perSlot.forEach(function (scores, s) {
      scores.forEach(function (hit, doc) {
        var entry = docs.get(doc);
        if (!entry) docs.set(doc, entry = { score: 0, matched: new Set(), stems: new Set() });
        entry.score += hit.score;
        entry.matched.add(s);
        hit.stems.forEach(function (stem) { entry.stems.add(stem); });
      });
    });
    var pages = new Map();
    docs.forEach(function (entry, doc) {
      var coverage = entry.matched.size / slots.length;
      entry.score *= coverage * coverage * self.docs[doc].boost;
      entry.doc = doc;
      var page = self.docs[doc].page, group = pages.get(page);
      if (!group) pages.set(page, group = { best: 0, rest: 0, hits: [] });
      group.hits.push(entry);
    });
    pages.forEach(function (group, page) {
      group.hits.sort(function (a, b) { return b.score - a.score; });
      group.best = group.hits[0].score;
      // Other matching sections add a little: a page ranks by its best section.
      group.score = group.best + 0.1 * group.hits.slice(1, 4).reduce(function (sum, h) { return sum + h.score; }, 0);
      group.score += self.pageTitleBonus(page, slots);
    });
    var ordered = Array.from(pages.entries()).sort(function (a, b) { return b[1].score - a[1].score; })
      .slice(0, MAX_PAGES);
    var items = ordered.map(function (pair) {
      var page = pair[0], group = pair[1];
      var list = group.hits.map(function (hit) { return self.render(hit.doc, hit.score, hit.stems, hit.matched, slots); });
      if (!group.hits.some(function (hit) { return self.docs[hit.doc].location === page; }) && self.pageDoc.has(page)) {
        list.push(self.render(self.pageDoc.get(page), 0, new Set(), new Set(), []));
      }
      return list;
    });
    return { items: items, suggest: [] };
  };

  /* A page whose own title (or aliases) says what the reader typed outranks a page that only has
     a section about it: «удалить аккаунт» → the instruction before the FAQ answer. */
  Engine.prototype.pageTitleBonus = function (page, slots) {
    var index = this.pageDoc.get(page), self = this;
    if (index === undefined) return 0;
    var heading = this.docs[index].heading, bonus = 0;
    slots.forEach(function (slot) {
      var best = 0;
      slot.alternatives.forEach(function (alt) {
        if (alt.every(function (stem) { return heading.has(stem); })) {
          best = Math.max(best, alt.reduce(function (sum, stem) { return sum + self.idf(stem); }, 0) / Math.sqrt(alt.length));
        }
      });
      bonus += best;
    });
    return bonus * PAGE_TITLE_WEIGHT * this.docs[index].boost;
  };

  /* A result in the shape Material's search worker returns: highlighted title and text, terms. */
  Engine.prototype.render = function (index, score, stems, matched, slots) {
    var doc = this.docs[index], self = this;
    var terms = {};
    stems.forEach(function (stem) { terms[stem] = true; });
    slots.forEach(function (slot, s) { if (!matched.has(s)) terms[slot.word] = false; });
    var mark = function (text) {
      return escapeHtml(text).replace(/[\p{L}\p{N}]+/gu, function (word) {
        return stems.has(self.stemOfText(word)) ? "<mark data-md-highlight>" + word + "</mark>" : word;
      });
    };
    return {
      location: doc.location,
      title: mark(doc.title),
      text: doc.plain ? "<p>" + mark(excerpt(doc.plain, stems, self)) + "</p>" : "",
      score: score,
      terms: terms
    };
  };

  /* About 300 characters of the text around the first matching word. */
  function excerpt(text, stems, engine) {
    var size = 300;
    if (text.length <= size) return text;
    var start = 0, match, pattern = /[\p{L}\p{N}]+/gu;
    while ((match = pattern.exec(text))) {
      if (stems.has(engine.stemOfText(match[0]))) { start = Math.max(0, match.index - 60); break; }
    }
    var cut = text.slice(start, start + size);
    return (start > 0 ? "… " : "") + cut + (start + size < text.length ? " …" : "");
  }

  var api = { Engine: Engine, normalize: normalize, words: words, fromLayout: fromLayout, STOP_WORDS: STOP_WORDS };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.KbSearch = api;
})(typeof self !== "undefined" ? self : this);
