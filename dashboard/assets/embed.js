/* Draws the chart of an /embed/ page (does nothing on the dashboard's own pages). */
(function () {
    "use strict";
    const holder = document.getElementById("embed-figure");
    const source = document.getElementById("embed-data");
    if (!holder || !source || !window.Plotly) { return; }
    const figure = JSON.parse(source.textContent);
    window.Plotly.newPlot(holder, figure.data, figure.layout, {
        displaylogo: false, showSendToCloud: false, showEditInChartStudio: false,
        modeBarButtonsToRemove: ["sendDataToCloud", "lasso2d", "select2d"], responsive: true
    });
}());
