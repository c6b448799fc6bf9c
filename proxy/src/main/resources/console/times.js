// The one way Lazaret shows times (issue 13 §4), exactly as the Java side's Moment does:
// relative to now, then UTC to the second, e.g. "in 3 h 20 min (2026-12-07 14:02:11 UTC)" or
// "2 days ago (2026-12-04 09:00:00 UTC)". No DOM here, so tests run it in Node against Moment.

const SECOND = 1000;

/** `atMillis` relative to `nowMillis` with its UTC time; "now (...)" within a second. */
export function moment(atMillis, nowMillis) {
  const d = atMillis - nowMillis;
  let when;
  if (Math.abs(d) < SECOND) {
    when = 'now';
  } else if (d < 0) {
    when = span(-d) + ' ago';
  } else {
    when = 'in ' + span(d);
  }
  return when + ' (' + utc(atMillis) + ')';
}

/** `atMillis` in UTC to the second, rounded down: "2026-12-07 14:02:11 UTC". */
export function utc(atMillis) {
  const seconds = Math.floor(atMillis / SECOND) * SECOND;
  return new Date(seconds).toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
}

/**
 * A non-negative duration in milliseconds the way a person says it, rounded down: "40 s",
 * "5 min", "3 h 20 min" (below two days), "6 days" (below two years), "3 years".
 */
export function span(millis) {
  const s = Math.max(0, Math.floor(millis / SECOND));
  if (s < 60) {
    return s + ' s';
  }
  if (s < 3600) {
    return Math.floor(s / 60) + ' min';
  }
  if (s < 48 * 3600) {
    const minutes = Math.floor(s / 60) % 60;
    return Math.floor(s / 3600) + ' h' + (minutes === 0 ? '' : ' ' + minutes + ' min');
  }
  const days = Math.floor(s / 86400);
  return days < 730 ? days + ' days' : Math.floor(days / 365) + ' years';
}
