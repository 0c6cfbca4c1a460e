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

    /* An exported image, in pixels: the plot keeps its height, the margin under it grows
       with the legend (two entries a row) and the lines of text under the legend. */
    const IMAGE = {width: 1000, top: 84, plot: 440, axis: 40, legendRow: 20, line: 14, pad: 12};

    /* The events a figure marks, keyed by the numbers drawn on it. */
    function eventKey(figure) {
        const events = figure.data.find((trace) => trace.uid === "events");
        if (!events) { return []; }
        return ["Events marked on the chart:"].concat(events.customdata.map((custom, i) =>
            events.text[i] + "  " + custom[2] + "  " + custom[3] +
            " (" + custom[4].split(" — ")[0] + ")"));
    }

    /* The source line a chart shows now (its notes follow every redraw; the export meta
       holds the first view's). */
    function shownSources(notes, meta) {
        const line = [].concat(notes || []).find((note) => note && note.props &&
            String(note.props.className || "").includes("source-line"));
        const text = line && line.props.children;
        return typeof text === "string" && text ? text : meta.sources;
    }

    /* The pattern-matching id of the input that fired a callback. */
    function firedKey(fired) {
        return JSON.parse(fired.prop_id.slice(0, fired.prop_id.lastIndexOf(".")));
    }

    /* A redrawn chart's source line goes into its citations and its export meta. */
    function followSources(notes, meta) {
        const sources = shownSources(notes, meta);
        const fired = window.dash_clientside.callback_context.triggered[0];
        const card = fired ? document.getElementById(firedKey(fired).chart) : null;
        if (card) {
            card.querySelectorAll(".view-sources").forEach((span) => {
                span.textContent = sources;
            });
        }
        return Object.assign({}, meta, {sources: sources});
    }

    function exportFigure(figure, meta, notes) {
        const footer = window.location.href.split("#")[0] + " · Licence: " + meta.licence;
        const lines = [shownSources(notes, meta)].concat(eventKey(figure), [footer])
            .flatMap((text) => wrap(text, 150));
        const entries = figure.data.filter((trace) => trace.showlegend !== false).length;
        const legend = Math.ceil(entries / 2) * IMAGE.legendRow + IMAGE.pad;
        const bottom = IMAGE.axis + legend + IMAGE.pad + lines.length * IMAGE.line + IMAGE.pad;
        const layout = Object.assign({}, figure.layout, {
            title: {
                text: meta.title + "<br><span style='font-size:12px'>" + meta.subtitle + "</span>",
                x: 0.01,
                xanchor: "left"
            },
            margin: {l: 60, r: Math.max(20, (figure.layout.margin || {}).r || 0), t: IMAGE.top,
                     b: bottom},
            showlegend: true,
            legend: {
                orientation: "h", entrywidth: 0.49, entrywidthmode: "fraction", tracegroupgap: 0,
                x: 0, y: -IMAGE.axis / IMAGE.plot, yanchor: "top", font: {size: 10}
            },
            width: IMAGE.width,
            height: IMAGE.top + IMAGE.plot + bottom,
            annotations: (figure.layout.annotations || []).concat([{
                text: lines.join("<br>"),
                showarrow: false,
                xref: "paper",
                yref: "paper",
                x: 0,
                y: -(bottom - IMAGE.pad) / IMAGE.plot,
                xanchor: "left",
                yanchor: "bottom",
                align: "left",
                font: {size: 10, color: "#57606a"}
            }])
        });
        return {data: figure.data, layout: layout};
    }

    function downloadImage(format, figure, meta, notes) {
        const full = exportFigure(figure, meta, notes);
        window.Plotly.downloadImage(full, {
            format: format, width: full.layout.width, height: full.layout.height,
            filename: meta.filename
        });
        return false;
    }

    const sameIds = (a, b) =>
        JSON.stringify((a || []).slice().sort()) === JSON.stringify((b || []).slice().sort());

    /* A page's view (its store): years, events and log scale from the controls. Controls
       put in once the first chart is drawn hold what the store has: nothing changes then. */
    function collectControls(years, events, log, view) {
        if (JSON.stringify(years) === JSON.stringify(view.years) &&
                sameIds(events, view.events) && sameIds(log, view.log)) {
            return window.dash_clientside.no_update;
        }
        return Object.assign({}, view, {years: years, events: events || [], log: log || []});
    }

    /* A transform (or an index's base year) chosen: the page loads at its address with it,
       so that its charts, citations, images and downloads all name it (dashboard/view.py
       reads it from the query string). */
    function applyTransform(transform, base, view) {
        const year = Number(base);
        const sameBase = !Number.isInteger(year) || year === view.base;
        if (transform === view.transform && (transform !== "index" || sameBase)) {
            return window.dash_clientside.no_update;
        }
        const query = new URLSearchParams(window.location.search);
        query.delete("transform");
        query.delete("base");
        if (transform !== "level") { query.set("transform", transform); }
        if (transform === "index") { query.set("base", String(sameBase ? view.base : year)); }
        window.location.search = query.toString();
        return window.dash_clientside.no_update;
    }

    /* A page's view: the series shown on each chart, from its series lists (a list put in
       with its card holds what the store has). */
    function collectSeries(values, view) {
        const lists = window.dash_clientside.callback_context.inputs_list[0];
        const shown = Object.assign({}, view.shown);
        let changed = false;
        lists.forEach((list, i) => {
            if (!sameIds(values[i], shown[list.id.chart])) {
                shown[list.id.chart] = (values[i] || []).slice().sort();
                changed = true;
            }
        });
        return changed ? Object.assign({}, view, {shown: shown}) : window.dash_clientside.no_update;
    }

    /* The Table or Sources tab opened, with the view it shows; nothing while the chart is. */
    function openTab(tab, rows) {
        if ((tab !== "table" && tab !== "sources") || !rows) {
            return window.dash_clientside.no_update;
        }
        return {tab: tab, rows: rows};
    }

    /* The address of the view ("/path?query"), as the server writes it (dashboard/view.py):
       put in the address bar, unless the browser has left the page, and in the share panels'
       links; the fragment (a chart asked for) is kept. */
    function followAddress(address) {
        const [path, query] = typeof address === "string" ? address.split("?") : [];
        if (path !== window.location.pathname || query === undefined) {
            return window.dash_clientside.no_update;
        }
        window.history.replaceState(null, "", address + window.location.hash);
        document.querySelectorAll(".view-url").forEach((span) => {
            span.textContent = window.location.href.split("#")[0];
        });
        document.querySelectorAll(".embed-url").forEach((span) => {
            span.textContent = span.textContent.split("?")[0] + "?" + query;
        });
        return address;
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

    /* Direct labels (annotations named "direct-label") sit right of the plot: shown when a
       chart is wide enough for them, hidden with their margin given back on narrow screens. */
    const LABELS_FROM = 640;
    function fitLabels(gd) {
        const layout = gd.layout || {};
        const wide = gd.clientWidth >= LABELS_FROM;
        const update = {};
        (layout.annotations || []).forEach((note, i) => {
            if (note.name === "direct-label" && (note.visible !== false) !== wide) {
                update["annotations[" + i + "].visible"] = wide;
            }
        });
        if (!Object.keys(update).length) { return; }
        if (!wide) { gd.dataset.labelMargin = (layout.margin || {}).r || 12; }
        update["margin.r"] = wide ? Number(gd.dataset.labelMargin || 12) : 12;
        window.Plotly.relayout(gd, update);
    }
    function watchCharts() {
        document.querySelectorAll(".js-plotly-plot").forEach((gd) => {
            if (gd.dataset.labelsWatched || typeof gd.on !== "function") { return; }
            gd.dataset.labelsWatched = "1";
            gd.on("plotly_afterplot", () => fitLabels(gd));
            fitLabels(gd);
        });
    }
    new MutationObserver(watchCharts).observe(document.documentElement,
        {childList: true, subtree: true});

    /* Tabs (widgets.tabs): the tab chosen is marked and its panel shown. */
    function chooseTab() {
        const context = window.dash_clientside.callback_context;
        const fired = context.triggered.filter((t) => t.value);
        if (!fired.length) { return window.dash_clientside.no_update; }
        const chosen = firedKey(fired[0]).tab;
        const names = context.inputs_list[0].map((input) => input.id.tab);
        return [
            names.map((name) => name === chosen ? "nav-link active" : "nav-link"),
            names.map((name) => String(name === chosen)),
            names.map((name) => name !== chosen),
            chosen
        ];
    }
    // the arrow keys, Home and End move between the tabs of a list, choosing the one reached
    document.addEventListener("keydown", (event) => {
        const tab = event.target.closest && event.target.closest("[role=tab]");
        const moves = {ArrowRight: 1, ArrowLeft: -1, Home: "first", End: "last"};
        if (!tab || !(event.key in moves)) { return; }
        const all = Array.from(tab.parentElement.querySelectorAll("[role=tab]"));
        const move = moves[event.key];
        const next = move === "first" ? all[0] : move === "last" ? all[all.length - 1] :
            all[(all.indexOf(tab) + move + all.length) % all.length];
        event.preventDefault();
        next.focus();
        next.click();
    });

    /* A chart's Table tab (cards.data_table) is one tab stop: the value last reached holds
       tabindex 0, the others -1; the arrow keys, Home and End move between values. */
    function gridMove(cell, key) {
        const rows = Array.from(cell.closest("tbody").rows);
        const at = (r, c) => {
            const found = rows[r] && rows[r].cells[c];
            return found ? found.querySelector(".cell-button") : null;
        };
        const inCell = Array.from(cell.closest("td").querySelectorAll(".cell-button"));
        const beside = inCell[inCell.indexOf(cell) + (key === "ArrowRight" ? 1 : -1)];
        if (beside && (key === "ArrowRight" || key === "ArrowLeft")) { return beside; }
        const row = rows.indexOf(cell.closest("tr"));
        const column = cell.closest("td").cellIndex;
        const steps = {ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0]};
        if (key === "Home" || key === "End") {
            const buttons = Array.from(rows[row].querySelectorAll(".cell-button"));
            return key === "Home" ? buttons[0] : buttons[buttons.length - 1];
        }
        const [dr, dc] = steps[key];
        const width = rows[0].cells.length;
        for (let r = row + dr, c = column + dc; r >= 0 && r < rows.length && c > 0 && c < width;
            r += dr, c += dc) {
            const found = at(r, c);
            if (found) { return found; }
        }
        return null;
    }
    function rove(button) {
        button.closest("table").querySelectorAll(".cell-button").forEach((other) => {
            other.tabIndex = other === button ? 0 : -1;
        });
    }
    // the value button of a data grid an event happened on, if any
    function gridCell(event) {
        return event.target.closest ? event.target.closest(".data-grid .cell-button") : null;
    }

    document.addEventListener("keydown", (event) => {
        const cell = gridCell(event);
        const keys = ["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End"];
        if (!cell || !keys.includes(event.key)) { return; }
        event.preventDefault();
        const next = gridMove(cell, event.key);
        if (next) { rove(next); next.focus(); }
    });
    document.addEventListener("focusin", (event) => {
        const cell = gridCell(event);
        if (cell && cell.tabIndex !== 0) { rove(cell); }
    });
    // a value clicked (or Enter pressed on it): its observation id goes to the store the
    // citation panel follows (callbacks.open_citation), as a chart click's ids do
    document.addEventListener("click", (event) => {
        const cell = gridCell(event);
        if (!cell || !cell.dataset.obs) { return; }
        const chosen = {obs: cell.dataset.obs, at: Date.now()};
        window.dash_clientside.set_props("cite-chosen", {data: chosen});
    });

    /* Copy buttons (citations.copy_button): the text of the element they name goes to the
       clipboard (selected and copied where the Clipboard API is not offered), and the
       button says so for a moment. */
    function copied(button, label) {
        button.textContent = "Copied";
        window.setTimeout(() => { button.textContent = label; }, 2000);
    }
    document.addEventListener("click", (event) => {
        const button = event.target.closest && event.target.closest("[data-copy]");
        const source = button && document.getElementById(button.dataset.copy);
        if (!source) { return; }
        const label = button.dataset.label || button.textContent;
        button.dataset.label = label;
        const text = source.innerText;
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(text).then(() => copied(button, label));
            return;
        }
        const range = document.createRange();
        range.selectNodeContents(source);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        if (document.execCommand("copy")) { copied(button, label); }
    });

    /* Side panels (widgets.side_panel): the close button takes `show` off; Escape presses it.
       An opened panel takes the focus, and gives it back to where it was when it closes. */
    function closePanel(clicks, className) {
        return String(className || "").split(" ").filter((name) => name !== "show").join(" ");
    }
    document.addEventListener("keydown", (event) => {
        if (event.key !== "Escape") { return; }
        document.querySelectorAll(".offcanvas.show").forEach((panel) => {
            const close = document.getElementById(panel.id + "-close");
            if (close) { close.click(); }
        });
    });
    const focusBefore = new WeakMap();
    function followPanel(panel) {
        const open = panel.classList.contains("show");
        if (open && !panel.contains(document.activeElement)) {
            focusBefore.set(panel, document.activeElement);
            (panel.querySelector(".offcanvas-body [tabindex]") || panel).focus();
        } else if (!open && panel.contains(document.activeElement)) {
            const before = focusBefore.get(panel);
            if (before && before.isConnected) { before.focus(); }
        }
    }
    // the panels sit in the app's layout, outside the pages: rendered once, watched once
    const panelsRendered = new MutationObserver(() => {
        const panels = document.querySelectorAll(".offcanvas");
        panels.forEach((panel) => new MutationObserver(() => followPanel(panel))
            .observe(panel, {attributes: true, attributeFilter: ["class"]}));
        if (panels.length) { panelsRendered.disconnect(); }
    });
    panelsRendered.observe(document.documentElement, {childList: true, subtree: true});

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

    /* What waits for the page's first chart (the rest of its card, the other cards) goes in
       once the first card's chart has been drawn and painted. */
    function chartDrawn() {
        return new Promise((resolve) => {
            const look = () => {
                const first = document.querySelector(".chart-card .js-plotly-plot:not(.first-paint)");
                if (first && !first.classList.contains("dash-graph--pending")) {
                    window.setTimeout(resolve, 0);  // once this frame is painted
                } else {
                    window.requestAnimationFrame(look);
                }
            };
            window.requestAnimationFrame(look);
        });
    }

    /* A chart click: the ids of every point drawn at the clicked spot, the one on top first.
       plotly reports one point, and among points at the same spot not the one on top. */
    function pointsAtSpot(clicks, figures) {
        const context = window.dash_clientside.callback_context;
        const fired = context.triggered.filter((t) => t.value);
        if (!fired.length) { return window.dash_clientside.no_update; }
        const key = firedKey(fired[0]);
        const index = context.inputs_list[0].findIndex(
            (input) => input.id.page === key.page && input.id.chart === key.chart);
        const point = index < 0 ? null : ((clicks[index] || {}).points || [])[0];
        const figure = figures[index];
        if (!point || !figure || !figure.data[point.curveNumber]) {
            return window.dash_clientside.no_update;
        }
        const clicked = figure.data[point.curveNumber];
        const x = clicked.x[point.pointNumber];
        const y = clicked.y[point.pointNumber];
        const ids = [];
        figure.data.slice().reverse().forEach((trace) => {
            const drawn = trace.visible === undefined || trace.visible === true;
            if (!drawn || (trace.yaxis || "y") !== (clicked.yaxis || "y")) { return; }
            (trace.x || []).forEach((tx, j) => {
                const id = ((trace.customdata || [])[j] || [])[0];
                if (tx === x && trace.y[j] === y && id && !ids.includes(id)) { ids.push(id); }
            });
        });
        return {points: ids.map((id) => ({customdata: [id]})), at: Date.now()};
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        grapher: {
            download_png: (clicks, figure, meta, notes) =>
                downloadImage("png", figure, meta, notes),
            download_svg: (clicks, figure, meta, notes) =>
                downloadImage("svg", figure, meta, notes),
            currentUrl: () => window.location.href,
            mount: (contents) => chartDrawn().then(() => contents),
            followAddress: followAddress,
            collectSeries: collectSeries,
            collectControls: collectControls,
            applyTransform: applyTransform,
            openTab: openTab,
            chooseTab: chooseTab,
            closePanel: closePanel,
            filterSources: filterSources,
            followSources: followSources,
            pointsAtSpot: pointsAtSpot
        }
    });
}());
