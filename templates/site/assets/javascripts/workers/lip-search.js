/* Search worker of the website: Material's own worker plus German stemming for what people type.
   Material appends "*" to every query term (to find words by their beginning), and lunr then skips the
   language pipeline for that term. The index, however, holds German word stems without umlauts
   (Geflüchtete → gefluchtet), so "Geflüchtete" or "Lernräumen" would find nothing. Here each such term
   runs through the same pipeline as the index before the search: "Lernräumen*" → "lernraum*". */
/* The same stems decide which typed words a hit contains: Material compares the words as typed
   ("förderung") with the stems the hit matched ("forderung") and lists every word it cannot find under
   the hit as "Es fehlt: förderung". Query parses outside a search (that comparison) get stemmed words. */
/* global lunr, importScripts */
(function () {
  "use strict";
  var worker = new URLSearchParams(self.location.search).get("worker") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker)) {
    throw new Error("Unbekannter Such-Worker: " + worker);
  }
  importScripts(worker);

  var searchPipeline = null;
  var searching = false;
  var build = lunr.Builder.prototype.build;
  lunr.Builder.prototype.build = function () {
    var index = build.call(this);
    searchPipeline = index.pipeline;
    return index;
  };

  var parse = lunr.QueryParser.prototype.parse;
  lunr.QueryParser.prototype.parse = function () {
    var result = parse.call(this);
    if (searching || !searchPipeline) {
      return result;
    }
    this.query.clauses.forEach(function (clause) {
      var match = /^(\*?)(.*?)(\*?)$/.exec(clause.term);
      if (match[2].length < 3) {
        return;
      }
      var stems = searchPipeline.runString(match[2], { fields: clause.fields });
      if (stems.length === 1 && stems[0]) {
        clause.term = match[1] + stems[0] + match[3];
      }
    });
    return result;
  };

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
    searching = true;
    try {
      return queryWithStems.call(this, build, pipeline);
    } finally {
      searching = false;
    }
  };

  function queryWithStems(build, pipeline) {
    return query.call(this, function (q) {
      build.call(q, q);
      q.clauses.forEach(function (clause) {
        if (clause.usePipeline || !/^[^*]{3,}\*$/.test(clause.term)) {
          return;
        }
        var term = clause.term.slice(0, -1);
        if (clause.editDistance) {
          return;
        }
        var stems = pipeline.runString(term, { fields: clause.fields });
        if (stems.length === 1 && stems[0]) {
          clause.term = stems[0] + "*";
        }
      });
    });
  }
})();
