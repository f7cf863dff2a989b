// What a stored value is on the device (behaviour.md §2.1). The host stores {data, _type} as JSON,
// `_type` being the value's `typeof` ("date" for a Date): the core keeps the same two fields, the
// tag and the payload (JSON.stringify of the value, '' when that gives undefined). Whether what
// reads back differs from what the page stored is seen while the page's JS serialises the value
// (polyfill/host-copy.js jsonOf, the device check 'storage-value').
#pragma once

#include <string>
#include <string_view>

namespace ft {

// The payload getStorage turns into the page's value (JSON.parse; a "date" tag: new Date(JSON.parse);
// '' reads back as undefined). Records of the first format stored a Date as its time value, an
// invalid one as "NaN", which this turns into "\"NaN\"" so that it still reads back as an invalid Date.
std::string_view payload_for_page(std::string_view tag, std::string_view payload);

}  // namespace ft
