// Entry of dist/ft-polyfill.js, the classic script: <script src="ft-polyfill.js"></script>
// installs window.ft synchronously; calls made before the core is ready are queued.
import { installFt } from './install.js';
import loadCore from './core-web.js';

installFt(window, loadCore);
