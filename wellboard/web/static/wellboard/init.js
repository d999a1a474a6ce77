// Marks the page as scripted and starts the NHS.UK frontend's components. A file, not an
// inline script, so that the Content Security Policy can forbid inline scripts
// (wellboard/settings.py); web/page.jinja leaves out the frontend's inline one, whose
// classes are set here before the components look for them.
import { initAll } from "../vendor/nhsuk/nhsuk-frontend.min.js";

document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
initAll();
