/* The first chart as the server drew it (dashboard/first_paint.py), until plotly has drawn it.
   Runs before Dash renders: when the page Dash renders appears, the drawing moves into the box
   of the page's first chart (the same box: the markup around it repeats the page's classes)
   and the server's copy of the page top goes, in one step (no frame in between); once plotly
   has drawn a trace in that box, the drawing goes too. */
(function () {
    "use strict";
    const top = document.getElementById("first-paint");
    if (!top) { return; }
    const drawing = top.querySelector(".first-paint");
    const observer = new MutationObserver(() => {
        if (top.isConnected) {
            const box = document.querySelector("#page-content .chart-card .chart-figure");
            if (!box) { return; }
            box.appendChild(drawing);
            top.remove();
        }
        if (drawing.parentElement.querySelector(".main-svg .scatterlayer .trace")) {
            drawing.remove();
            observer.disconnect();
        }
    });
    observer.observe(document.documentElement, {childList: true, subtree: true});
}());
