#include "storage_value.h"

namespace ft {

std::string_view payload_for_page(std::string_view tag, std::string_view payload) {
  return tag == "date" && payload == "NaN" ? "\"NaN\"" : payload;
}

}  // namespace ft
