// The web form's preview (admin/index.html): lessons and initiatives laid out as on the site,
// with the site's own style.css. LABELS is filled in by the build (src/render/cms.rs).
(function () {
  var LABELS = /*LABELS*/null;
  CMS.registerPreviewStyle(new URL('../style.css', location.href).href);
  function get(entry, key) {
    var v = entry.getIn(['data', key]);
    return v && v.toJS ? v.toJS() : v;
  }
  function terms(entry) {
    return h('dl', { className: 'terms' }, LABELS.taxonomies.map(function (tax) {
      var chosen = get(entry, tax.field) || [];
      if (!chosen.length) return null;
      return [h('dt', { key: tax.field + '-t' }, tax.name),
        h('dd', { key: tax.field + '-d' }, chosen.map(function (s) { return tax.terms[s] || s; }).join(', '))];
    }));
  }
  var Lesson = createClass({
    render: function () {
      var e = this.props.entry, kind = get(e, 'kind');
      return h('main', {}, h('article', { className: 'lesson' },
        kind ? h('p', { className: 'card-meta' }, h('span', { className: 'kind kind-' + kind }, LABELS.kinds[kind] || kind)) : null,
        h('h1', {}, get(e, 'title') || ''),
        get(e, 'initiative') ? h('p', { className: 'from' }, LABELS.initiatives[get(e, 'initiative')] || get(e, 'initiative')) : null,
        h('div', { className: 'prose' }, this.props.widgetFor('body')),
        terms(e)));
    },
  });
  var Initiative = createClass({
    render: function () {
      var e = this.props.entry;
      return h('main', {}, h('article', { className: 'initiative' },
        h('h1', {}, get(e, 'title') || ''),
        h('p', { className: 'lead' }, get(e, 'summary') || ''),
        h('p', { className: 'muted' }, get(e, 'region') || ''),
        terms(e),
        h('div', { className: 'prose' }, this.props.widgetFor('body'))));
    },
  });
  CMS.registerPreviewTemplate('lessons', Lesson);
  CMS.registerPreviewTemplate('initiatives', Initiative);
})();
