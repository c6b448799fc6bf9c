package dev.lazaret.proxy.notify;

import dev.lazaret.proxy.config.Webhook;
import java.util.function.Supplier;

/**
 * One event to announce. The JSON body is rendered by the sender, not by the thread that
 * reported the event, which has better things to do.
 *
 * @param kind    what happened
 * @param risky   for a hold, whether it was judged risky (webhooks without {@code hold-all} get
 *                only those)
 * @param subject what it is about, for logs: {@code hold left-pad@1.3.0}
 * @param body    renders the JSON body
 */
record Notification(Kind kind, boolean risky, String subject, Supplier<byte[]> body) {

  /** What happened. */
  enum Kind {
    /** A version was newly held. */
    HOLD,
    /** An analyst approved or rejected a version. */
    DECISION
  }

  /** Whether {@code webhook} asked for this event. */
  boolean wantedBy(Webhook webhook) {
    return kind == Kind.HOLD ? webhook.wantsHold(risky) : webhook.wantsDecisions();
  }
}
