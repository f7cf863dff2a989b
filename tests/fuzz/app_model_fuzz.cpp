// libFuzzer target: app.json parsing (src/app_model.h). Property: nothing crashes; a parsed model
// knows its own pages, tabs and entry page.
#include <cstdlib>
#include <string_view>

#include "app_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  ft::AppModel model;
  if (!ft::AppModel::parse(text, model).ok) return 0;
  for (const auto& page : model.pages) {
    if (!model.has_page(page)) std::abort();
  }
  for (const auto& tab : model.tabs) (void)model.is_tab(tab);
  if (model.known && !model.entry.empty() && !model.has_page(model.entry)) std::abort();
  return 0;
}
