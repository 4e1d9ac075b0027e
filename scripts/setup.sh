#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, then the npm packages.
#  - dcmtk, dicom3tools: interop checks (dcmdump, dciodvfy) and syntax conversions in tests
#  - tesseract-ocr, python3-tesserocr: native OCR (the `tesseract-native` text engine, picked when installed) and the benchmark's baseline
#  - jupyter-nbconvert, python3-nbclient, jupyter-client, python3-ipykernel: run the notebooks headless
#  - jupyter-notebook: the browser UI `npm run notebook` starts (Debian 12 packages no JupyterLab)
#  - chromium: screenshot of a notebook exported to HTML
#  - fonts: synthetic samples burn text in several real fonts
#  - python3-pydicom: ships pydicom's public test files, which the reader is tested on (read in place); with
#    python3-pil and python3-numpy it also runs the second and third held-out sets (npm run heldout:v2:*, heldout:v3:*;
#    the third draws with fonts-dejavu-extra too; the fourth, npm run heldout:v4:pixels, draws with faces none of the
#    others use: fonts-terminus-otb, fonts-inconsolata, fonts-roboto-unhinted, fonts-open-sans, fonts-freefont-ttf,
#    fonts-crosextra-carlito, fonts-go, fonts-cantarell and xfonts-base's misc-fixed bitmaps; the fifth,
#    npm run heldout:v5:pixels, draws with others again: fonts-lato, fonts-croscore, fonts-hack, fonts-firacode,
#    fonts-jetbrains-mono, fonts-courier-prime, fonts-spleen's bitmap strikes and the X11 bitmaps of xfonts-75dpi and
#    xfonts-100dpi: Helvetica, Courier, Lucida, Lucida Typewriter, New Century Schoolbook, Times; the sixth,
#    npm run heldout:v6:pixels, with others again: fonts-b612, fonts-inter, fonts-oxygen, fonts-anonymous-pro,
#    fonts-mononoki, fonts-hermit, fonts-3270, fonts-dseg, fonts-comic-neue, fonts-tlwg-purisa, fonts-ocr-b,
#    fonts-linuxlibertine, fonts-cabin, fonts-jura, fonts-yanone-kaffeesatz, fonts-league-spartan, fonts-sil-andika
#    and xfonts-jmk's Neep and Modd bitmaps)
#  - time: GNU time, which measures the peak memory of the fuzzer's and the benchmarks' child runs
#  - redis-server: the queue tests start their own on a loopback port (deid run --queue, deid worker)
# With --bench it also installs the peers `npm run bench` compares against (libgdcm-tools: gdcmanon;
# pixelmed-apps: PixelMed's DeidentifyAndRedact); the benchmark skips a peer that is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(dcmtk dicom3tools tesseract-ocr python3-tesserocr jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel
  jupyter-notebook chromium fonts-dejavu-core fonts-dejavu-extra fonts-liberation fonts-urw-base35 fonts-noto-mono
  fonts-terminus-otb fonts-inconsolata fonts-roboto-unhinted fonts-open-sans fonts-freefont-ttf fonts-crosextra-carlito fonts-go
  fonts-cantarell xfonts-base fonts-lato fonts-croscore fonts-hack fonts-firacode fonts-jetbrains-mono fonts-courier-prime
  fonts-spleen xfonts-75dpi xfonts-100dpi fonts-b612 fonts-inter fonts-oxygen fonts-anonymous-pro fonts-mononoki
  fonts-hermit fonts-3270 fonts-dseg fonts-comic-neue fonts-tlwg-purisa fonts-ocr-b fonts-linuxlibertine fonts-cabin
  fonts-jura fonts-yanone-kaffeesatz fonts-league-spartan fonts-sil-andika xfonts-jmk python3-pydicom python3-pil python3-numpy time redis-server)
[ "${1:-}" = "--bench" ] && packages+=(libgdcm-tools pixelmed-apps)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
