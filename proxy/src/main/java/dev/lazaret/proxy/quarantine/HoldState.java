package dev.lazaret.proxy.quarantine;

/** Where a recorded version stands. */
public enum HoldState {
  /** Waiting out a cooldown; invisible to clients. */
  HELD,
  /** Was held; its cooldown ended (or a trust rule covers it) and it is served. */
  RELEASED,
  /** An analyst approved it; it is served. */
  APPROVED,
  /** An analyst rejected it; it is never served. */
  REJECTED,
  /** Blocked by policy (known malware, deny rule, protected name); it is never served. */
  BLOCKED
}
