#include "io/yaml_dotted.h"

namespace caseflow::io {

void set_dotted(YAML::Node& root, const std::string& dotted, const YAML::Node& value) {
  YAML::Node node;
  node.reset(root);
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = dotted.find('.', start);
    const std::string part = dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (dot == std::string::npos) {
      node[part] = value;
      return;
    }
    if (!node[part] || !node[part].IsMap()) node[part] = YAML::Node(YAML::NodeType::Map);
    node.reset(node[part]);  // rebind: plain assignment would overwrite the parent's content
    start = dot + 1;
  }
}

}  // namespace caseflow::io
