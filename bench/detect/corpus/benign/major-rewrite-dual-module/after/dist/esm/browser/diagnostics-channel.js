const dummy = { hasSubscribers: false };
export const metrics = dummy;
export const tracing = dummy;
//# sourceMappingURL=diagnostics-channel-browser.js.map