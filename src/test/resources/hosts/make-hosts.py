#!/usr/bin/env python3
"""Writes the host exports the bundled-profile tests apply to: fresh Windows Server 2012 R2, 2016, 2019, 2022 and
2025 hosts as regedit exports them (UTF-16LE with BOM, CRLF). Modelled on examples/server-2016-fresh.reg (a real
export of a fresh 2016 host): the same keys, with each version's build numbers and product name, and the local
cipher suite order that version ships (the default list of src/main/resources/org/tlsconf/tls/cipher-suites.txt).
Run from the repository root: python3 src/test/resources/hosts/make-hosts.py"""
import re

HOSTS = [
    ("server-2012r2", 9600, "6.3", "Windows Server 2012 R2 Standard", "ServerStandard", 20001, None),
    ("server-2016", 14393, "6.3", "Windows Server 2016 Standard", "ServerStandard", 693, "1607"),
    ("server-2019", 17763, "6.3", "Windows Server 2019 Standard", "ServerStandard", 6659, "1809"),
    ("server-2022", 20348, "6.3", "Windows Server 2022 Standard", "ServerStandard", 3091, "2009"),
    ("server-2025", 26100, "6.3", "Windows Server 2025 Standard", "ServerStandard", 4061, "2009"),
]


def sections():
    out, current = [], None
    for line in open("src/main/resources/org/tlsconf/tls/cipher-suites.txt", encoding="utf-8"):
        line = line.strip()
        m = re.match(r"\[(builds|curves) (\d+)-(\d+) ", line)
        if m:
            current = (m.group(1), int(m.group(2)), int(m.group(3)), [])
            out.append(current)
        elif current and line.endswith(" default"):
            current[3].append(line.split(" ")[0])
    return out


def defaults(kind, build):
    for k, lo, hi, names in sections():
        if k == kind and lo <= build <= hi:
            return names
    return None


def multi_sz(names):
    data = "".join(n + "\0" for n in names) + "\0"
    raw = data.encode("utf-16-le")
    hexes = ",".join("%02x" % b for b in raw)
    return "hex(7):" + hexes


def export(name, build, version, product, edition, ubr, release):
    L = ["Windows Registry Editor Version 5.00", ""]
    sch = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
    L += ["[" + sch + "]", '"EventLogging"=dword:00000001', ""]
    for sub in ("Ciphers", "CipherSuites", "Hashes", "KeyExchangeAlgorithms", "Protocols"):
        L += ["[" + sch + "\\" + sub + "]", ""]
    L += ["[" + sch + "\\Protocols\\SSL 2.0]", "", "[" + sch + "\\Protocols\\SSL 2.0\\Client]",
          '"DisabledByDefault"=dword:00000001', ""]
    local = "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL"
    L += ["[" + local + "]", "", "[" + local + "\\00010002]", '"Functions"=' + multi_sz(defaults("builds", build))]
    curves = defaults("curves", build)
    if curves:
        L.append('"EccCurves"=' + multi_sz(curves))
    L.append("")
    for root, install in (("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft", "Framework64"),
                          ("HKEY_LOCAL_MACHINE\\SOFTWARE\\Wow6432Node\\Microsoft", "Framework")):
        L += ["[" + root + "\\.NETFramework]", '"InstallRoot"="C:\\\\Windows\\\\Microsoft.NET\\\\' + install + '\\\\"', ""]
        L += ["[" + root + "\\.NETFramework\\v2.0.50727]", "", "[" + root + "\\.NETFramework\\v4.0.30319]", "",
              "[" + root + "\\Windows\\CurrentVersion\\Internet Settings\\WinHttp]",
              '"DisableBranchCache"=dword:00000001', ""]
    L += ["[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
          '"CurrentBuild"="%d"' % build, '"CurrentBuildNumber"="%d"' % build, '"CurrentVersion"="%s"' % version,
          '"EditionID"="%s"' % edition, '"InstallationType"="Server"', '"ProductName"="%s"' % product]
    if release:
        L.append('"ReleaseId"="%s"' % release)
    L += ['"UBR"=dword:%08x' % ubr, ""]
    with open("src/test/resources/hosts/%s.reg" % name, "wb") as f:
        f.write(b"\xff\xfe" + ("\r\n".join(L) + "\r\n").encode("utf-16-le"))


for h in HOSTS:
    export(*h)
