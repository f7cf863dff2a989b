// What a stored value is on the device and what reads back (behaviour.md §2.1). The host stores
// {data, _type} as JSON, `_type` being the value's `typeof` ("date" for a Date): the core keeps
// the same two fields, the tag and the payload (JSON.stringify of the value, '' when that gives
// undefined), and decides from the facts the page's JS noted while serialising
// (polyfill/storage/value-codec.js) whether what reads back differs from what the page stored:
// a device check (§1.15). A value JSON.stringify refuses (a BigInt, a cycle, a throwing toJSON)
// never reaches the core: it fails as every value crossing to the host does (core-wire.js
// notSerialisable), and nothing is stored.
//
// Facts: one line per value JSON.stringify met that JSON does not carry as itself, in the order
// met: "<what>\t<where>\n". `what` is the value's Object.prototype.toString class ("Map", "Date",
// "Uint8Array", "Number" for a boxed number, "Function"...) for objects and functions, its String()
// for a number JSON has not ("NaN", "Infinity", "-Infinity"), and its typeof for undefined and a
// Symbol. `where`: '' for the value itself, digits for an array item, a JSON string literal (the
// key) for an object member. Plain objects and arrays, strings, booleans, null and finite numbers
// are JSON's own and never noted.
#pragma once

#include <string>
#include <string_view>

namespace ft {

// The device check's message for a value whose JSON text is `payload` ('' for none) and whose
// facts are `facts` ('' for none): it names the first value that reads back changed and the fix;
// '' when the whole value reads back as stored. Reads back as stored: a top-level undefined, a
// valid top-level Date (new Date(JSON.parse(payload))), an undefined member (dropped: it still
// reads as undefined). A -0 reads back as 0, which compares equal, and is never noted.
std::string stored_value_check(std::string_view payload, std::string_view facts);

// The payload getStorage turns into the page's value (JSON.parse; a "date" tag: new Date(JSON.parse);
// '' reads back as undefined). Records of the first format stored a Date as its time value, an
// invalid one as "NaN", which this turns into "\"NaN\"" so that it still reads back as an invalid Date.
std::string_view payload_for_page(std::string_view tag, std::string_view payload);

}  // namespace ft
