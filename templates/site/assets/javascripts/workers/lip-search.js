/* Search worker of the website: Material's own worker plus German stemming for what people type.
   Material appends "*" to every query term (to find words by their beginning), and lunr then skips the
   language pipeline for that term. The index, however, holds German word stems without umlauts
   (Geflüchtete → gefluchtet), so "Geflüchtete" or "Lernräumen" would find nothing. Here each such term
   runs through the same pipeline as the index before the search: "Lernräumen*" → "lernraum*". */
/* global lunr, importScripts */
(function () {
  "use strict";
  var worker = new URLSearchParams(self.location.search).get("worker") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(worker)) {
    throw new Error("Unbekannter Such-Worker: " + worker);
  }
  importScripts(worker);

  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var pipeline = this.pipeline;
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
  };
})();
