/* The site navigation, plain HTML outside Dash's React tree (dashboard/shell.py): the menu
   button opens and closes the links on narrow screens (Escape closes them), and a page link
   changes page without reloading the document, as dcc.Link does: history.pushState, then the
   event dcc.Location listens to, so Dash Pages' routing callback draws the page. */
(function () {
    'use strict';
    var nav = document.querySelector('nav.navbar');
    if (!nav) {
        return;
    }
    var toggler = nav.querySelector('.navbar-toggler');
    var menu = document.getElementById(toggler.getAttribute('aria-controls'));
    var pageLinks = nav.querySelectorAll('a.nav-link:not([download])');
    var finish = null; // ends the running open/close transition

    function isOpen() {
        return toggler.getAttribute('aria-expanded') === 'true';
    }

    function transition(open) {
        // Bootstrap's collapse: the height animates under `collapsing`, then `collapse` (+ `show`)
        if (finish) {
            finish();
        }
        if (!open) {
            menu.style.height = menu.getBoundingClientRect().height + 'px';
            void menu.offsetHeight;
        }
        menu.classList.remove('collapse', 'show');
        menu.classList.add('collapsing');
        menu.style.height = open ? '0px' : '';
        void menu.offsetHeight;
        if (open) {
            menu.style.height = menu.scrollHeight + 'px';
        }
        var timer = window.setTimeout(function () {
            finish();
        }, parseFloat(getComputedStyle(menu).transitionDuration) * 1000 + 5);
        finish = function () {
            window.clearTimeout(timer);
            finish = null;
            menu.classList.remove('collapsing');
            menu.classList.add('collapse');
            menu.classList.toggle('show', open);
            menu.style.height = '';
        };
    }

    function setOpen(open) {
        if (open === isOpen()) {
            return;
        }
        toggler.setAttribute('aria-expanded', String(open));
        toggler.classList.toggle('collapsed', !open);
        transition(open);
    }

    function markCurrent() {
        pageLinks.forEach(function (link) {
            var current = link.pathname === window.location.pathname;
            link.classList.toggle('active', current);
            if (current) {
                link.setAttribute('aria-current', 'page');
            } else {
                link.removeAttribute('aria-current');
            }
        });
    }

    function follow(event) {
        var link = event.target.closest('a');
        if (!link || link.hasAttribute('download') || link.origin !== window.location.origin) {
            return;
        }
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
                event.shiftKey || event.altKey || (link.target && link.target !== '_self')) {
            return; // a new tab or window, a download: the browser's own way
        }
        setOpen(false);
        if (!document.getElementById('page-content')) {
            return; // Dash has not drawn the page yet: an ordinary page load
        }
        event.preventDefault();
        if (link.href !== window.location.href) {
            window.history.pushState({}, '', link.href);
            window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
        }
        window.scrollTo(0, 0);
    }

    toggler.addEventListener('click', function () {
        setOpen(!isOpen());
    });
    nav.addEventListener('click', follow);
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape' && isOpen()) {
            if (menu.contains(document.activeElement)) {
                toggler.focus();
            }
            setOpen(false);
        }
    });
    window.addEventListener('_dashprivate_pushstate', markCurrent);
    window.addEventListener('popstate', markCurrent);
}());
