// The codecs' value and error types are part of CupcakeEngine's API (an event's raw JSON, the
// errors of a malformed event, rulebook or bundle): re-exported so a user needs only
// `import CupcakeEngine`. CupcakeCodecs makes public nothing but those types.
@_exported import CupcakeCodecs
