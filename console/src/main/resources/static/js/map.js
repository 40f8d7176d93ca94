// The national map: the 18 regions from the committed GeoJSON (no tile server), metropolitan France in the main
// map and each overseas region in its inset, coloured by the impact level in #map-data (refreshed with #live).
// A region the user may open is a link; the table beside the map is the same information as text.
(function () {
  'use strict';
  var container = document.getElementById('carte');
  if (!container || typeof L === 'undefined') {
    return;
  }
  var COLOURS = {NONE: '#f6f6f6', LOW: '#fbe769', MODERATE: '#fa7a35', HIGH: '#ce0500', CRITICAL: '#6e0000'};
  var HIDDEN = '#c9c9c9';
  var OVERSEAS = ['FR-971', 'FR-972', 'FR-973', 'FR-974', 'FR-976'];
  var layers = [];

  function data() {
    var node = document.getElementById('map-data');
    var byCode = {};
    JSON.parse(node ? node.getAttribute('data-regions') || '[]' : '[]').forEach(function (region) { byCode[region.code] = region; });
    return byCode;
  }

  function style(byCode, feature) {
    var region = byCode[feature.properties.code] || {};
    var level = region.level;
    return {
      color: '#3a3a3a', weight: 1, fillOpacity: 0.85,
      fillColor: region.visible && level ? (COLOURS[level] || COLOURS.NONE) : HIDDEN,
      className: 'region region-' + feature.properties.code + ' level-' + (region.visible && level ? level : 'hidden')
    };
  }

  function tooltip(region, name) {
    if (!region.visible) {
      return name;
    }
    return name + ' : ' + region.incidentsOpen + ' incident(s) ouvert(s), ' + region.estimatedPatients
      + ' patients estimés, ' + region.overdueClocks + ' échéance(s) dépassée(s)';
  }

  function draw(map, features, byCode) {
    var layer = L.geoJSON(features, {
      style: function (feature) { return style(byCode, feature); },
      onEachFeature: function (feature, shape) {
        var region = byCode[feature.properties.code] || {};
        shape.bindTooltip(function () { return tooltip(data()[feature.properties.code] || {}, feature.properties.nom); },
          {sticky: true});
        shape.on('click', function () {
          if ((data()[feature.properties.code] || {}).visible) {
            window.location.href = container.getAttribute('data-region-url') + feature.properties.code;
          }
        });
      }
    }).addTo(map);
    layers.push(layer);
    return layer;
  }

  function plainMap(element) {
    return L.map(element, {
      attributionControl: false, zoomControl: false, dragging: false, scrollWheelZoom: false, doubleClickZoom: false,
      boxZoom: false, keyboard: false, touchZoom: false, zoomSnap: 0.1
    });
  }

  fetch(container.getAttribute('data-geojson'), {credentials: 'same-origin'})
    .then(function (response) { return response.json(); })
    .then(function (geojson) {
      var byCode = data();
      var metropole = geojson.features.filter(function (f) { return OVERSEAS.indexOf(f.properties.code) < 0; });
      var main = plainMap(container);
      main.fitBounds(draw(main, metropole, byCode).getBounds(), {padding: [4, 4]});
      OVERSEAS.forEach(function (code) {
        var element = document.getElementById('carte-' + code);
        if (!element) {
          return;
        }
        var inset = plainMap(element);
        var features = geojson.features.filter(function (f) { return f.properties.code === code; });
        inset.fitBounds(draw(inset, features, byCode).getBounds(), {padding: [2, 2]});
      });
      container.setAttribute('data-ready', 'true');
    });

  document.addEventListener('console:refreshed', function () {
    var byCode = data();
    layers.forEach(function (layer) {
      layer.setStyle(function (feature) { return style(byCode, feature); });
    });
  });
})();
