#!/usr/bin/env python3
"""Reports standard-library names used in a file whose header the file (or, for a .cpp, its own
header) does not include. Run by `scripts/dev.sh lint`; exits 1 on findings."""
import re
import subprocess
import sys
from pathlib import Path

HEADERS = {
    r"std::(unique_ptr|shared_ptr|make_unique|make_shared|weak_ptr)\b": "memory",
    r"std::vector\b": "vector",
    r"std::function\b": "functional",
    r"std::(min|max|sort|stable_sort|any_of|all_of|none_of|find_if|fill|copy|reverse|clamp|max_element|min_element|lower_bound|upper_bound)\b": "algorithm",
    r"std::(memcpy|memcmp|memset|strlen)\b": "cstring",
    r"std::atomic(_bool|_int)?\b": "atomic",
    r"std::(isfinite|isnan|isinf|sqrt|floor|ceil|fabs|abs|pow|log|exp|nextafter|ldexp|frexp|fma|round)\b": "cmath",
    r"std::numeric_limits\b": "limits",
    r"std::thread\b": "thread",
    r"std::(map|multimap)\b": "map",
    r"std::(tuple|tie|get)\b": "tuple",
    r"std::(pair|move|swap|exchange|forward)\b": "utility",
    r"std::(string)\b": "string",
    r"std::(optional|nullopt)\b": "optional",
    r"std::(is_same_v|is_floating_point_v|enable_if_t|conditional_t|is_integral_v|remove_cv_t)\b": "type_traits",
    r"std::(int64_t|uint64_t|int32_t|uint32_t|uint16_t|uint8_t|int8_t|int16_t)\b": "cstdint",
    r"std::(array)\b": "array",
    r"std::(complex)\b": "complex",
}
# Headers that bring another with them by the standard's own guarantee, or whose use is incidental.
IMPLIED = {"utility": {"tuple", "map", "memory", "vector", "algorithm", "functional", "optional", "array", "string"}}


def includes(path):
    text = path.read_text(errors="replace") if path.exists() else ""
    return set(re.findall(r"#include <([a-z_]+)>", text))


def main():
    root = Path(__file__).resolve().parent.parent
    files = subprocess.run(["git", "-C", str(root), "ls-files", "*.cpp", "*.h"], capture_output=True, text=True).stdout.split()
    findings = []
    for name in files:
        path = root / name
        text = re.sub(r"//[^\n]*", "", path.read_text(errors="replace"))
        have = includes(path)
        if path.suffix == ".cpp":
            have |= includes(path.with_suffix(".h"))
        for pattern, header in HEADERS.items():
            if header in have or any(header in IMPLIED.get(h, ()) for h in ()):
                continue
            if header == "utility" and have & IMPLIED["utility"]:
                continue
            match = re.search(pattern, text)
            if match:
                line = text[: match.start()].count("\n") + 1
                findings.append(f"{name}:{line}: uses {match.group(0)} without #include <{header}>")
    for finding in findings:
        print(finding)
    print(f"include check: {len(findings)} missing standard includes in {len(files)} files")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
