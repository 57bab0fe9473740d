/* The web editor's own part (lip_build/outputs/cms): loaded after Decap CMS and js-yaml, with the data
 * that lip writes into lip-daten.js (window.LIP_CMS) from schema.py and the plan.
 *
 * 1. The file format "lip": front matter read with js-yaml (YAML 1.2 core schema: "2026-03-01" stays
 *    text, as in the file) and written in the canonical form of lip_build/edit/frontmatter.py, rule for
 *    rule, so that a save changes only the lines of the changed fields. Texts are trimmed, empty
 *    optional fields left out; the body is kept byte for byte after the closing "---".
 * 2. The widget "lip-kennung": the next free ID of a new goal or measure, as `lip new` gives it; the
 *    file name is the ID (preSave puts the number into the slug, the writer leaves it out of the file).
 * 3. The widget "lip-verweis": goals (or goals and measures) chosen by title from all Handlungsfelder.
 * 4. The preview of a measure: its Steckbrief, with the labels of the site.
 * tests/test_cms_format.py runs this writer in Node over the shipped plan against lip format.
 */
(function (root) {
  "use strict";
  var D = root.LIP_CMS;
  var NEEDS = D.needs_quotes.map(function (p) { return new RegExp(p, "i"); });
  var UNPRINTABLE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;
  var BLOCK_UNSAFE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[ \t]\n/;
  var FOLDABLE = /^\S+(?: \S+)+$/;
  var HELPER = "lip_nummer";

  function len(text) { return Array.from(text).length; }
  function needsQuotes(text) { return NEEDS.some(function (p) { return p.test(text); }); }
  function quote(text) {
    return JSON.stringify(text).replace(UNPRINTABLE, function (c) {
      return "\\u" + ("0000" + c.charCodeAt(0).toString(16)).slice(-4);
    });
  }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  function isEmpty(value) {
    return value === null || value === undefined || value === "" ||
      (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
  }

  function wrap(text, width) {
    var words = text.split(" ");
    var lines = [words[0]];
    for (var i = 1; i < words.length; i++) {
      var last = lines[lines.length - 1];
      if (len(last) + 1 + len(words[i]) <= width) lines[lines.length - 1] = last + " " + words[i];
      else lines.push(words[i]);
    }
    return lines;
  }

  function scalar(value, shape, start, indent) {
    if (value === null || value === undefined) return '""';
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") {
      if (!isFinite(value)) return quote(String(value));
      return String(value);
    }
    var text = String(value);
    if (shape.date && /^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
    if (shape.quoted || (shape.quoted_if && new RegExp(shape.quoted_if).test(text))) return quote(text);
    if (text.indexOf("\n") >= 0) {
      if (BLOCK_UNSAFE.test(text) || text !== text.trim()) return quote(text);
      return "|-" + text.split("\n").map(function (line) { return "\n" + (line ? indent + line : ""); }).join("");
    }
    if (needsQuotes(text)) return quote(text);
    if (start + len(text) > D.width && FOLDABLE.test(text)) {
      return ">-" + wrap(text, D.width - indent.length).map(function (line) { return "\n" + indent + line; }).join("");
    }
    return text;
  }

  function key(name) { return needsQuotes(name) ? quote(name) : name; }

  function mapping(data, shape, indent, first) {
    var known = {};
    var order = [];
    (shape.fields || []).forEach(function (f) { known[f[0]] = f; order.push(f[0]); });
    var keys = order.filter(function (k) { return Object.prototype.hasOwnProperty.call(data, k); })
      .concat(Object.keys(data).filter(function (k) { return !known[k]; }));
    var lines = [];
    keys.forEach(function (k) {
      var value = data[k];
      var found = known[k];
      var required = found ? found[1] : true;
      var inner = found ? found[2] : (shape.fields ? {} : (shape.item || {}));
      if (isEmpty(value) && !required) return;
      if (value === undefined) return;
      var lead = first !== undefined && lines.length === 0 ? first : indent;
      lines = lines.concat(entry(lead + key(k) + ":", value, inner, indent));
    });
    return lines;
  }

  function entry(head, value, shape, indent) {
    var inner = indent + "  ";
    if (isObject(value)) {
      if (Object.keys(value).length === 0) return [head + " {}"];
      return [head].concat(mapping(value, shape, inner));
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return [head + " []"];
      var lines = [head];
      value.forEach(function (item) { lines = lines.concat(listItem(item, shape.item || {}, inner)); });
      return lines;
    }
    return [head + " " + scalar(value, shape, len(head) + 1, inner)];
  }

  function listItem(item, shape, indent) {
    if (isObject(item) && Object.keys(item).length > 0) return mapping(item, shape, indent + "  ", indent + "- ");
    return entry(indent + "-", item, shape, indent);
  }

  function frontMatter(data, shape) {
    return mapping(data, shape, "").map(function (line) { return line + "\n"; }).join("");
  }

  // Form input is as untrusted as a hand-edited file: texts are trimmed, emptied values go.
  function clean(value) {
    if (typeof value === "string") return value.trim();
    if (Array.isArray(value)) {
      return value.map(clean).filter(function (v) { return !isEmpty(v); });
    }
    if (isObject(value)) {
      var out = {};
      Object.keys(value).forEach(function (k) {
        if (k === HELPER) return;
        var v = clean(value[k]);
        if (v !== undefined) out[k] = v;
      });
      return out;
    }
    return value;
  }

  // The kind of a file by its keys: the declaration that knows most of them (ties: the smaller one).
  function shapeFor(data) {
    var best = null;
    var score = -1;
    Object.keys(D.shapes).sort().forEach(function (name) {
      var shape = D.shapes[name];
      var names = shape.fields.map(function (f) { return f[0]; });
      var hits = Object.keys(data).filter(function (k) { return names.indexOf(k) >= 0; }).length;
      if (hits > score || (hits === score && names.length < best.fields.length)) { best = shape; score = hits; }
    });
    return best;
  }

  var FENCE = /^---[ \t]*$/m;

  function fromFile(content) {
    var text = content.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
    var firstEnd = text.indexOf("\n");
    if (firstEnd < 0 || text.slice(0, firstEnd).trim() !== "---") return { body: text };
    var rest = text.slice(firstEnd + 1);
    var closing = FENCE.exec(rest);
    if (!closing) return { body: text };
    var data = root.jsyaml.load(rest.slice(0, closing.index), { schema: root.jsyaml.CORE_SCHEMA }) || {};
    var after = rest.slice(closing.index + closing[0].length);
    data.body = after.charAt(0) === "\n" ? after.slice(1) : after;
    return data;
  }

  function toFile(data, shape) {
    var body = typeof data.body === "string" ? data.body : "";
    var meta = {};
    Object.keys(data).forEach(function (k) { if (k !== "body") meta[k] = data[k]; });
    meta = clean(meta);
    return "---\n" + frontMatter(meta, shape || shapeFor(meta)) + "---\n" + body;
  }

  function nextId(prefix, ids) {
    var pattern = new RegExp("^" + prefix + "(\\d{2,3})$");
    var highest = 0;
    ids.forEach(function (id) {
      var m = pattern.exec(id || "");
      if (m) highest = Math.max(highest, parseInt(m[1], 10));
    });
    var number = String(highest + 1);
    return prefix + (number.length < 2 ? "0" + number : number);
  }

  root.LIP_WRITER = { frontMatter: frontMatter, toFile: toFile, fromFile: fromFile, clean: clean, nextId: nextId };

  var CMS = root.CMS;
  if (!CMS) return; // in Node (tests): only the writer

  CMS.registerCustomFormat("lip", "md", {
    fromFile: fromFile,
    toFile: function (data) { return toFile(data); },
  });

  var h = root.h;
  var Kennung = root.createClass({
    getInitialState: function () { return { pending: !this.props.value }; },
    componentDidMount: function () {
      if (this.props.value) return;
      var self = this;
      var name = this.props.collection.get("name");
      var info = D.kennung[name];
      var finish = function (found) {
        self.props.onChange(nextId(info.prefix, info.used.concat(found)));
        self.setState({ pending: false });
      };
      Promise.resolve(this.props.query(this.props.forID, name, ["id"], "")).then(function (action) {
        var hits = (action && action.payload && action.payload.hits) || [];
        finish(hits.map(function (hit) { return hit.data && hit.data.id; }));
      }, function () { finish([]); });
    },
    isValid: function () {
      return this.state.pending ? { error: { message: "Die Kennung wird noch ermittelt." } } : true;
    },
    render: function () {
      return h("input", {
        id: this.props.forID,
        className: this.props.classNameWrapper,
        value: this.props.value || "wird ermittelt …",
        readOnly: true,
        "aria-readonly": "true",
      });
    },
  });
  var KennungPreview = root.createClass({ render: function () { return h("span", null, this.props.value); } });
  CMS.registerWidget("lip-kennung", Kennung, KennungPreview);

  // "lip-verweis": Decap's relation widget over several collections (the goals of every Handlungsfeld,
  // or goals and measures). Its search asks each collection listed in the field's "collections" and
  // offers all hits together; titles are shown, IDs stored, as with the relation widget itself.
  var relation = CMS.getWidget("relation");
  function acrossCollections(query, names) {
    return function (forID, collection, searchFields, term, file, limit) {
      return Promise.all(names.map(function (name) {
        return Promise.resolve(query(forID, name, searchFields, term, file, limit));
      })).then(function (actions) {
        var hits = [];
        actions.forEach(function (action) { hits = hits.concat((action && action.payload && action.payload.hits) || []); });
        var first = actions[0] || {};
        return Object.assign({}, first, { payload: Object.assign({}, first.payload, { hits: hits }) });
      });
    };
  }
  var Verweis = root.createClass({
    render: function () {
      var names = this.props.field.get("collections").toJS();
      return h(relation.control, Object.assign({}, this.props, { query: acrossCollections(this.props.query, names) }));
    },
  });
  CMS.registerWidget("lip-verweis", Verweis, relation.preview, relation.schema);

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entryMap = event.entry;
      var info = D.kennung[entryMap.get("collection")];
      if (!info || !entryMap.get("newRecord")) return undefined;
      var id = String(entryMap.getIn(["data", "id"]) || "");
      var number = id.slice(info.prefix.length);
      if (id.indexOf(info.prefix) !== 0 || !/^\d{2,3}$/.test(number)) {
        throw new Error("Die Kennung „" + id + "“ passt nicht zu " + info.prefix + "…; bitte die Seite neu laden.");
      }
      return entryMap.get("data").set(HELPER, number);
    },
  });

  // --- the Steckbrief of a measure, as on the site (view/steckbrief.py) ---------------------------
  var P = D.preview;
  function euro(amount) {
    var whole = Number(amount) % 1 === 0;
    var text = new Intl.NumberFormat("de-DE", { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 })
      .format(Number(amount));
    return text + "\u00a0€";
  }
  function datum(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(text || ""));
    return m ? m[3] + "." + m[2] + "." + m[1] : String(text || "");
  }
  function oe(value) { return P.oe[value] ? P.oe[value] + " (" + value + ")" : value; }
  function names(table, ids) { return (ids || []).map(function (id) { return table[id] || id; }).join(", "); }
  function zeitraum(z) {
    if (!z || !z.beginn) return "";
    if (!z.ende) return "ab " + z.beginn + ", laufend";
    return z.ende === z.beginn ? String(z.beginn) : z.beginn + "–" + z.ende;
  }
  function detail(main, details, note) {
    var parts = [h("span", { key: "m" }, main)];
    if (details.length) parts.push(h("small", { key: "d" }, " " + details.join(", ")));
    if (note) parts.push(h("span", { key: "n", className: "lip-facts__note" }, " – " + note));
    return parts;
  }
  function row(field, d) {
    switch (field) {
      case "handlungsfeld": return P.handlungsfelder[d.handlungsfeld] || d.handlungsfeld;
      case "federfuehrung": return oe(d.federfuehrung);
      case "kontakt": return oe(d.kontakt);
      case "partner": return (d.partner || []).length ? (d.partner || []).map(oe).join(", ") : null;
      case "zielgruppen": return names(P.zielgruppen, d.zielgruppen);
      case "querschnittsthemen":
        return (d.querschnittsthemen || []).length ? names(P.querschnittsthemen, d.querschnittsthemen) : null;
      case "zeitraum": return zeitraum(d.zeitraum);
      case "kosten":
        if (!(d.kosten || []).length) return P.keine_kosten;
        return d.kosten.map(function (k, i) {
          return h("div", { key: i }, detail(euro(k.betrag) + " " + (P.kosten_art[k.art] || k.art), k.finanzierung ? [k.finanzierung] : []));
        });
      case "antragsberechtigt": return d.antragsberechtigt ? P.antrag_ja : P.antrag_nein;
      case "herkunft": return P.gremien[d.herkunft] || d.herkunft;
      case "entscheidung": {
        var e = d.entscheidung || {};
        var details = [];
        if (e.gremium) details.push(P.gremien[e.gremium] || e.gremium);
        if (e.datum) details.push("am " + datum(e.datum));
        if (e.drucksache) details.push("Drucks. Nr. " + e.drucksache);
        return detail(P.entscheidung[e.status] || e.status || "", details, e.bemerkung);
      }
      case "umsetzung": {
        var u = d.umsetzung || {};
        return detail(P.umsetzung[u.status] || u.status || "", u.stand ? [P.stand + " " + datum(u.stand)] : [], u.bemerkung);
      }
      default: return null;
    }
  }
  var Steckbrief = root.createClass({
    render: function () {
      var d = this.props.entry.get("data").toJS();
      var rows = P.rows.map(function (field) {
        var value = row(field, d);
        if (value === null || value === undefined || value === "") return null;
        return h("div", { key: field }, h("dt", null, P.labels[field]), h("dd", null, value));
      }).filter(Boolean);
      return h("article", { className: "md-typeset lip-preview" },
        h("p", { className: "lip-preview__id" }, d.id || ""),
        h("h1", null, d.titel || ""),
        h("section", { className: "lip-facts", "aria-labelledby": "steckbrief" },
          h("h2", { id: "steckbrief", className: "lip-facts__title" }, P.title),
          h("dl", { className: "lip-facts__list" }, rows)),
        h("div", { className: "lip-preview__text" }, this.props.widgetFor("body")));
    },
  });
  Object.keys(D.kennung).forEach(function (name) {
    if (D.kennung[name].prefix.slice(-1) === "M") CMS.registerPreviewTemplate(name, Steckbrief);
  });
  CMS.registerPreviewStyle("../assets/stylesheets/lip.css");
  CMS.registerPreviewStyle(
    "body{font-family:system-ui,sans-serif;margin:1.5rem;line-height:1.5}.lip-preview__id{color:#444;margin:0}",
    { raw: true });

  CMS.init();
})(typeof window !== "undefined" ? window : globalThis);
