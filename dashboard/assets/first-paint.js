/* The first chart as the server drew it (dashboard/first_paint.py), until plotly has drawn it.
   Runs before Dash renders: when the page Dash renders appears, the drawing moves into the box
   of the page's first chart (the same box: the markup around it repeats the page's classes)
   and the server's copy of the page top goes, in one step (no frame in between), once the
   page Dash renders is laid out as the copy is (its radio items labelled): until then that
   page is hidden below the copy (grapher.css). Once plotly has drawn a trace in that box, the
   drawing goes too. */
(function () {
    "use strict";
    const top = document.getElementById("first-paint");
    if (!top) { return; }
    const drawing = top.querySelector(".first-paint");
    let late = null;
    const swap = (box) => {
        if (!top.isConnected) { return; }
        box.appendChild(drawing);
        top.remove();
        clearTimeout(late);
    };
    const observer = new MutationObserver(() => {
        if (top.isConnected) {
            const box = document.querySelector("#page-content .chart-card .chart-figure");
            if (!box) { return; }
            // Dash renders a radio item's label (a component) a frame after the item: until
            // then the items are narrower and lower, and the chart below sits 6 px higher.
            // (Should a label never come, the page Dash rendered is shown all the same.)
            late = late || setTimeout(() => swap(box), 1000);
            if (document.querySelector("#page-content .dash-options-list-option-text:empty")) {
                return;
            }
            swap(box);
        }
        if (drawing.parentElement.querySelector(".main-svg .scatterlayer .trace")) {
            drawing.remove();
            observer.disconnect();
        }
    });
    observer.observe(document.documentElement, {childList: true, subtree: true});
}());
