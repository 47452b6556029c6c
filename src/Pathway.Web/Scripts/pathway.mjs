// Pathway progressive enhancement. Every page works without JavaScript; this
// module only enhances GOV.UK and MoJ components (accordion, tabs, character
// count, MoJ sortable table, button menu, ...).
//
// The build (FrontEnd.targets) copies this file and both libraries, which are
// self-contained ES modules, into wwwroot/lib/, so relative imports resolve in
// the browser without an import map or bundler. Load it with
//   <script type="module" src="/lib/pathway.mjs"></script>
import { initAll as initGovukFrontend } from './govuk-frontend.min.js'
import { initAll as initMojFrontend } from './moj-frontend.min.js'

// GOV.UK Frontend only initialises when <body> has `govuk-frontend-supported`
// (and MoJ's CSS keys some rules off `js-enabled`). Browsers that run a module
// script are exactly the supported ones, so setting the classes here removes
// the need for an inline script under a strict Content-Security-Policy. The
// layout may still include GOV.UK's inline snippet (allowed by its CSP hash) to
// set them before first paint; adding a class twice is harmless.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initGovukFrontend()
initMojFrontend()
