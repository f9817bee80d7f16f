#!/usr/bin/env bash
# The Debian packages the test suite needs, installed when missing; the test project's build runs this, so
# `dotnet test Framework.sln` on a fresh Debian or Ubuntu machine needs nothing else:
#   dataset-fashion-mnist  the real Fashion-MNIST files that the image tests read (31 MB, MIT licence); without it
#                          those tests fail, saying so (they never skip)
#   slurm-wlm, munge       the single-node Slurm cluster that the Slurm test starts; without them it is skipped, saying why
# As root it runs apt-get; as another user, sudo apt-get when sudo asks no password; otherwise it prints the command
# to run. It never fails the build. DESCENT_SKIP_TEST_PREREQUISITES=1 turns it off.
set -u
[ "${DESCENT_SKIP_TEST_PREREQUISITES:-}" = 1 ] && exit 0
command -v apt-get >/dev/null 2>&1 || exit 0

missing=()
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || missing+=(dataset-fashion-mnist)
if ! command -v slurmctld >/dev/null 2>&1 && [ ! -x /usr/sbin/slurmctld ]; then
  missing+=(slurm-wlm munge)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as=(sudo -n)
else
  echo "descent tests: Debian packages ${missing[*]} are missing; install them with: sudo apt-get install ${missing[*]}"
  exit 0
fi

echo "descent tests: installing ${missing[*]} (once) ..."
if ! (export DEBIAN_FRONTEND=noninteractive; "${as[@]}" apt-get update -qq && "${as[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}") >/dev/null 2>&1; then
  echo "descent tests: could not install ${missing[*]} (no network or no apt source?); install them with: sudo apt-get install ${missing[*]}"
fi
exit 0
