/*
 * The process diagram on a case page: draws the BPMN model with bpmn-js and marks the step the case
 * waits at and the way it came. The page gives the model in #case-diagram-xml and the element ids in
 * the data attributes of #case-diagram (data-current, data-passed, data-flows).
 */
(function () {
  function ids(value) {
    return value ? value.split(' ').filter(function (id) { return id.length > 0; }) : [];
  }

  function show() {
    var host = document.getElementById('case-diagram');
    var source = document.getElementById('case-diagram-xml');
    if (!host || !source) {
      return;
    }
    if (!window.BpmnJS) {
      host.textContent = host.getAttribute('data-error');
      host.setAttribute('data-rendered', 'failed');
      return;
    }
    var viewer = new window.BpmnJS({ container: host });
    viewer.importXML(source.value).then(function () {
      var canvas = viewer.get('canvas');
      var registry = viewer.get('elementRegistry');
      canvas.zoom('fit-viewport', 'auto');
      function mark(list, css) {
        ids(list).forEach(function (id) {
          if (registry.get(id)) {
            canvas.addMarker(id, css);
          }
        });
      }
      mark(host.getAttribute('data-passed'), 'step-passed');
      mark(host.getAttribute('data-flows'), 'flow-taken');
      mark(host.getAttribute('data-current'), 'step-current');
      host.setAttribute('data-rendered', 'true');
    }).catch(function () {
      host.textContent = host.getAttribute('data-error');
      host.setAttribute('data-rendered', 'failed');
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', show);
  } else {
    show();
  }
})();
