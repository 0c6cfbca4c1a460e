/* Client-side callbacks of the chart cards (no inline scripts, no eval). */
(function () {
    "use strict";

    function wrap(text, width) {
        const lines = [];
        let line = "";
        text.split(" ").forEach((word) => {
            if (line && (line + " " + word).length > width) { lines.push(line); line = word; }
            else { line = line ? line + " " + word : word; }
        });
        return line ? lines.concat([line]) : lines;
    }

    function exportFigure(figure, meta) {
        const footer = window.location.href.split("#")[0] + " · Licence: " + meta.licence;
        const lines = wrap(meta.sources, 150).concat(wrap(footer, 150));
        const layout = Object.assign({}, figure.layout, {
            title: {
                text: meta.title + "<br><span style='font-size:12px'>" + meta.subtitle + "</span>",
                x: 0.01,
                xanchor: "left"
            },
            margin: {l: 60, r: 20, t: 80, b: 110 + 14 * lines.length},
            showlegend: true,
            legend: {orientation: "h", x: 0, y: -0.08, yanchor: "top", font: {size: 10}},
            width: 1000,
            height: 680,
            annotations: (figure.layout.annotations || []).concat([{
                text: lines.join("<br>"),
                showarrow: false,
                xref: "paper",
                yref: "paper",
                x: 0,
                y: -0.22,
                xanchor: "left",
                yanchor: "top",
                align: "left",
                font: {size: 10, color: "#57606a"}
            }])
        });
        return {data: figure.data, layout: layout};
    }

    function downloadImage(format, figure, meta) {
        const full = exportFigure(figure, meta);
        window.Plotly.downloadImage(full, {
            format: format, width: 1000, height: 680, filename: meta.filename
        });
        return false;
    }

    function syncUrl(years, events, log, shown, options) {
        const params = new URLSearchParams();
        if (years) { params.set("start", years[0]); params.set("end", years[1]); }
        if (events && events.length) { params.set("events", "1"); }
        if (log && log.length) { params.set("log", "1"); }
        const all = options.every((o, i) => (shown[i] || []).length === o.length);
        if (!all) { params.set("series", shown.flat().join(",")); }
        const query = params.toString();
        window.history.replaceState(null, "", window.location.pathname + "?" + query);
        document.querySelectorAll(".view-url").forEach((span) => {
            span.textContent = window.location.href.split("#")[0];
        });
        document.querySelectorAll(".embed-url").forEach((span) => {
            span.textContent = span.textContent.split("?")[0] + "?" + query;
        });
        return query;
    }

    /* Pages arrive after the document: scroll to the #fragment once its element exists. */
    let reached = "";
    function reachFragment() {
        const target = window.location.pathname + window.location.hash;
        if (!window.location.hash || reached === target) { return; }
        const claim = new URLSearchParams(window.location.search).has("claim");
        const element = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
        if (!element || !element.querySelector(".js-plotly-plot .scatterlayer")) { return; }
        reached = target;
        element.scrollIntoView({block: "start"});
        if (claim) { element.classList.add("claim-highlight"); }
    }
    new MutationObserver(reachFragment).observe(document.documentElement,
        {childList: true, subtree: true});

    /* Sources page: show the rows that contain every word typed, open their groups. */
    function filterSources(text) {
        const words = (text || "").toLowerCase().split(/\s+/).filter(Boolean);
        let shown = 0;
        document.querySelectorAll("#sources-page .sources-group").forEach((group) => {
            let inGroup = 0;
            group.querySelectorAll(".source-row").forEach((row) => {
                const content = row.textContent.toLowerCase();
                const match = words.every((word) => content.includes(word));
                row.hidden = !match;
                inGroup += match ? 1 : 0;
            });
            group.hidden = words.length > 0 && inGroup === 0;
            if (words.length) { group.open = inGroup > 0; }
            shown += inGroup;
        });
        return words.length ? shown + " sources match." : "";
    }

    /* What waits for the page's first chart (the other charts, the share panels' contents)
       goes in once the first card's chart has been drawn and painted. */
    function chartDrawn() {
        return new Promise((resolve) => {
            const look = () => {
                const first = document.querySelector(".chart-card .js-plotly-plot");
                if (first && !first.classList.contains("dash-graph--pending")) {
                    window.setTimeout(resolve, 0);  // once this frame is painted
                } else {
                    window.requestAnimationFrame(look);
                }
            };
            window.requestAnimationFrame(look);
        });
    }

    // A table cell chosen for its citation: only its id goes to the server, not every cell.
    function chosenCell() {
        const context = window.dash_clientside.callback_context;
        const fired = context.triggered.filter((t) => t.value);
        if (!fired.length) {
            return window.dash_clientside.no_update;
        }
        const id = JSON.parse(fired[0].prop_id.split(".")[0]);
        return {obs: id.obs, at: Date.now()};
    }

    // A point clicked on a chart, for its citation; charts just put in (no click) send nothing.
    function clickedPoint() {
        const fired = window.dash_clientside.callback_context.triggered.filter((t) => t.value);
        if (!fired.length) {
            return window.dash_clientside.no_update;
        }
        return {click: fired[0].value, at: Date.now()};
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        grapher: {
            download_png: (clicks, figure, meta) => downloadImage("png", figure, meta),
            download_svg: (clicks, figure, meta) => downloadImage("svg", figure, meta),
            currentUrl: () => window.location.href,
            toggle: (clicks, open) => !open,
            mount: (contents) => chartDrawn().then(() => contents),
            syncUrl: syncUrl,
            filterSources: filterSources,
            chosenCell: chosenCell,
            clickedPoint: clickedPoint
        }
    });
}());
