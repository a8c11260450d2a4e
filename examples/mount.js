// The host page's own script for examples/mount.html: mounts the seed article's viewer,
// showing only its quotes panel.
import { mount } from "../mount.js";

mount(document.getElementById("viewer"), { article: "../putin-kim-pact/", panel: "quotes" });
