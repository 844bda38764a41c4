// The codecs' value and error types are part of CupcakeEngine's API (an event's raw JSON, the
// errors of a malformed event, rulebook or bundle): re-exported so a user needs only
// `import CupcakeEngine`. CupcakeCodecs makes public nothing but those types. The re-export
// also makes the codecs visible in every file of this module, so no file imports them itself.
@_exported import CupcakeCodecs
