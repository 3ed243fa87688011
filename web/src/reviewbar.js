// When the server runs with --review, the reviewer gives the token (printed at start) once; it is kept in
// sessionStorage for this tab only.
import { getHealth, review } from "./api.js";
import { h, mount } from "./dom.js";

export async function renderReviewBar(bar) {
  const health = await getHealth();
  if (!health.review) return;
  bar.hidden = false;
  const draw = () => {
    if (review.token()) {
      mount(bar, h("span", { class: "badge ok" }, `Review on · ${review.reviewer() || "reviewer"}`),
        h("button", { type: "button", class: "link", onclick: () => {
          review.setToken(""); draw(); window.dispatchEvent(new Event("eventwire:review"));
        } }, "forget token"));
      return;
    }
    const token = h("input", { type: "password", id: "review-token", placeholder: "review token", size: 18 });
    const who = h("input", { type: "text", id: "review-reviewer", placeholder: "your name", size: 10,
      value: review.reviewer() });
    mount(bar, h("form", { class: "inline", onsubmit: (e) => {
      e.preventDefault();
      if (!token.value.trim()) return;
      review.setToken(token.value.trim());
      review.setReviewer(who.value.trim() || "reviewer");
      draw();
      window.dispatchEvent(new Event("eventwire:review"));
    } }, h("label", {}, "Review: ", token), " ", who, " ", h("button", { type: "submit", id: "review-save" }, "Start reviewing")));
  };
  draw();
}
