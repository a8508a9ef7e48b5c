// The page editor's create form carries one random key, sent with every autosave and with the
// submit, so that the server finds the page an autosave already made (core/created_drafts.py).
(() => {
  const form = document.querySelector("form[data-edit-form]");
  if (!form || !/\/pages\/add\//.test(form.getAttribute("action") || "")) return;
  if (form.querySelector('input[name="wiel-draft-key"]')) return;
  // crypto.randomUUID needs a secure context; getRandomValues does not.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  const key = document.createElement("input");
  key.type = "hidden";
  key.name = "wiel-draft-key";
  key.value = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  form.appendChild(key);
})();
