// What a stored value is on the device and what reads back (behaviour.md §2.1). The host stores
// {data, _type} as JSON, `_type` being the value's `typeof` ("date" for a Date): the core keeps
// the same two fields, the tag (`_type`) and the payload (JSON.stringify of the value, '' when
// that gives undefined), and decides from the facts the page's JS noted while serialising
// (polyfill/storage/value-codec.js) whether the write fails (BigInt, a cycle, a throwing toJSON)
// and whether what reads back differs from what the page stored (a device check, §1.15).
//
// Facts: JSON text, an array of [what, where] and at most one ["throw", where, message], in the
// order JSON.stringify met them; '' for none. `what` is the value's Object.prototype.toString
// class ("Map", "Date", "Uint8Array", "Number" for a boxed number, "Function"...) for objects and
// functions, its String() for a number JSON does not carry ("NaN", "Infinity", "-Infinity"), and
// its typeof for undefined, a Symbol and a BigInt. `where`: null for the value itself, a number
// for an array item, a string for an object member (its key). Plain objects and arrays, strings,
// booleans, null and finite numbers are JSON's own and never noted.
#pragma once

#include <string>
#include <string_view>

#include "result.h"

namespace ft {

struct ValuePlan {
  Status status;      // fails when the value has no JSON form; nothing is stored then
  std::string check;  // the device check's message when what reads back differs, else ''
};

// `payload`: the value's JSON text ('' for none); `facts` as above. The tag is stored as given.
ValuePlan plan_stored_value(std::string_view payload, std::string_view facts);

// The payload getStorage turns into the page's value (JSON.parse; a "date" tag: new Date(JSON.parse);
// '' reads back as undefined). Records of the first format stored a Date as its time value, an
// invalid one as "NaN", which this turns into "\"NaN\"" so that it still reads back as an invalid Date.
std::string_view payload_for_page(std::string_view tag, std::string_view payload);

}  // namespace ft
