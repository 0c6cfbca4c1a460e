/* Draws the chart of an /embed/ page (does nothing on the dashboard's own pages); a click on
   a point opens its citation, as the hover says: the chart's page with `?point=<id>`. */
(function () {
    "use strict";
    const holder = document.getElementById("embed-figure");
    const source = document.getElementById("embed-data");
    if (!holder || !source || !window.Plotly) { return; }
    const figure = JSON.parse(source.textContent);
    // as on the dashboard (grapher.js): no direct labels beside a chart narrower than 640 px
    if (holder.clientWidth < 640) {
        const notes = figure.layout.annotations || [];
        figure.layout.annotations = notes.filter((note) => note.name !== "direct-label");
        if (notes.length !== figure.layout.annotations.length) { figure.layout.margin.r = 12; }
    }
    window.Plotly.newPlot(holder, figure.data, figure.layout, {
        displaylogo: false, showSendToCloud: false, showEditInChartStudio: false,
        modeBarButtonsToRemove: ["sendDataToCloud", "lasso2d", "select2d"], responsive: true
    });
    const page = document.getElementById("embed-page");
    holder.on("plotly_click", (click) => {
        const point = (click.points || [])[0];
        const id = point && point.customdata && point.customdata[0];
        if (!page || !point) { return; }
        const address = new URL(page.href);
        if (typeof id === "string" && /^o[0-9a-f]{10}$/.test(id)) {
            address.searchParams.set("point", id);  // an event has no citation link: its page
        }
        window.open(address.href, "_blank", "noopener");
    });
}());
