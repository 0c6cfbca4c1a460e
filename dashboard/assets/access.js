/* Keyboards and screen readers: what Dash's and plotly's markup leaves out, added as it renders
   (no inline scripts), and the charts' points reachable without a mouse. */
(function () {
    "use strict";

    /* Dash's checklists and radio items are marked as (unnamed) listboxes whose options (the
       inputs' labels) have a selected state: an interactive control inside another. The
       checkboxes and radio buttons, named by their labels and grouped by the fieldset and
       legend around them, say it all. */
    const CHOICES = ".dash-checklist, .dash-radioitems";
    function plainChoices(root) {
        root.querySelectorAll(":is(" + CHOICES + ")[role=listbox]").forEach((list) => {
            list.removeAttribute("role");
        });
        root.querySelectorAll(":is(" + CHOICES + ") label[role=option]").forEach((label) => {
            label.removeAttribute("role");
            label.removeAttribute("aria-selected");
        });
    }

    /* The year range's number boxes: named after the slider they belong to. */
    function nameYearBoxes(root) {
        root.querySelectorAll(".controls-years").forEach((range) => {
            const name = (i) => i === 0 ? "First year" : "Last year";
            range.querySelectorAll("input[type=number], [role=slider]").forEach((control) => {
                const controls = control.matches("input") ? range.querySelectorAll("input") :
                    range.querySelectorAll("[role=slider]");
                const wanted = name(Array.prototype.indexOf.call(controls, control));
                if (control.getAttribute("aria-label") !== wanted) {
                    control.setAttribute("aria-label", wanted);
                }
            });
        });
    }

    /* plotly's toolbar: for the mouse (the keyboard has the chart's own points and the
       download panel), so out of the tab order. */
    function quietToolbars(root) {
        root.querySelectorAll(".modebar-btn:not([tabindex='-1'])").forEach((button) => {
            button.setAttribute("tabindex", "-1");
        });
    }

    /* Wide tables that scroll in their own box (the About text's): reachable by the keyboard
       so that the arrow keys scroll them. */
    function reachableScrolling(root) {
        root.querySelectorAll(".wide-text table:not([tabindex])").forEach((table) => {
            table.setAttribute("tabindex", "0");
        });
    }

    let pending = false;
    function tidy() {
        pending = false;
        plainChoices(document);
        nameYearBoxes(document);
        quietToolbars(document);
        reachableScrolling(document);
    }
    new MutationObserver(() => {
        if (!pending) { pending = true; window.queueMicrotask(tidy); }
    }).observe(document.documentElement, {
        childList: true, subtree: true, attributes: true, attributeFilter: ["role", "aria-selected", "aria-label"]
    });

    /* A chart's points from the keyboard: the chart (its figure box) takes the focus; the
       arrow keys move left and right along the time axis, up and down between the series at
       about the same time; the point reached is shown as plotly's hover shows it and read out;
       Enter or Space opens its citation, as a click on it does. */
    const places = new WeakMap();  // chart box -> {curve, point}

    function pointsOf(gd) {
        const points = [];
        (gd.data || []).forEach((trace, curve) => {
            if (trace.visible === false || trace.visible === "legendonly") { return; }
            (trace.x || []).forEach((x, point) => {
                if (trace.y[point] === null || trace.y[point] === undefined) { return; }
                points.push({curve: curve, point: point, x: String(x), y: trace.y[point],
                             trace: trace});
            });
        });
        return points.sort((a, b) => a.x < b.x ? -1 : a.x > b.x ? 1 : a.curve - b.curve);
    }

    function announce(box, found) {
        let live = box.querySelector(".chart-announce");
        if (!live) {
            live = document.createElement("p");
            live.className = "chart-announce visually-hidden";
            live.setAttribute("aria-live", "polite");
            box.appendChild(live);
        }
        const custom = found.trace.customdata && found.trace.customdata[found.point];
        const name = String(found.trace.name || "").replace(/<[^>]*>/g, "");
        const when = custom && custom[2] ? custom[2] : found.x.slice(0, 10);
        live.textContent = name + ", " + when + ": " + found.y +
            (found.trace.uid === "events" && custom ? " " + custom[3] : "") +
            ". Enter opens the citation.";
    }

    function move(box, key) {
        const gd = box.querySelector(".js-plotly-plot:not(.first-paint)");
        if (!gd || !gd.data || !window.Plotly || !window.Plotly.Fx) { return false; }
        const points = pointsOf(gd);
        if (!points.length) { return false; }
        const at = places.get(box);
        let index = at ? points.findIndex((p) => p.curve === at.curve && p.point === at.point)
            : -1;
        if (index < 0) {
            index = key === "End" || key === "ArrowLeft" ? points.length - 1 : 0;
        } else if (key === "ArrowRight" || key === "ArrowLeft") {
            const step = key === "ArrowRight" ? 1 : -1;
            let next = index + step;
            while (points[next] && points[next].curve !== points[index].curve) { next += step; }
            index = points[next] ? next : index;
        } else if (key === "ArrowUp" || key === "ArrowDown") {
            const step = key === "ArrowDown" ? 1 : -1;
            index = Math.min(points.length - 1, Math.max(0, index + step));
        } else if (key === "Home" || key === "End") {
            index = key === "Home" ? 0 : points.length - 1;
        }
        const found = points[index];
        places.set(box, {curve: found.curve, point: found.point});
        window.Plotly.Fx.hover(gd, [{curveNumber: found.curve, pointNumber: found.point}]);
        announce(box, found);
        return true;
    }

    function open(box) {
        const gd = box.querySelector(".js-plotly-plot:not(.first-paint)");
        const at = places.get(box);
        if (!gd || !at || typeof gd.emit !== "function") { return false; }
        const trace = gd.data[at.curve];
        gd.emit("plotly_click", {points: [{
            curveNumber: at.curve, pointNumber: at.point, pointIndex: at.point,
            x: trace.x[at.point], y: trace.y[at.point]
        }]});
        return true;
    }

    const KEYS = ["ArrowRight", "ArrowLeft", "ArrowUp", "ArrowDown", "Home", "End"];
    document.addEventListener("keydown", (event) => {
        const box = event.target.classList && event.target.classList.contains("chart-figure") ?
            event.target : null;
        if (!box) { return; }
        const done = KEYS.includes(event.key) ? move(box, event.key) :
            (event.key === "Enter" || event.key === " ") ? open(box) : false;
        if (done) { event.preventDefault(); }
    });
    document.addEventListener("focusout", (event) => {
        const box = event.target.classList && event.target.classList.contains("chart-figure") ?
            event.target : null;
        const gd = box && box.querySelector(".js-plotly-plot:not(.first-paint)");
        if (gd && window.Plotly && window.Plotly.Fx) { window.Plotly.Fx.unhover(gd); }
    });

    /* A skip link to a download panel opens the panel and puts the focus on it. */
    document.addEventListener("click", (event) => {
        const link = event.target.closest && event.target.closest("a.skip-link[href^='#']");
        const target = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!target || target.tagName !== "DETAILS") { return; }
        event.preventDefault();
        target.open = true;
        target.querySelector("summary").focus();
        target.scrollIntoView({block: "start"});
    });
}());
