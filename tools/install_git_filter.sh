#!/bin/sh
# Set up the guard against committed notebook outputs (called by `make install`):
# the nbstripout git filter, so that `git add` stores every notebook without
# outputs, execution counts or the language_info that Lab adds, whatever Lab
# wrote to disk. `.gitattributes` (committed) sends *.ipynb through the filter;
# this script defines the filter in the repository's own git config.
#   sh tools/install_git_filter.sh          # in a clone
#   sh tools/install_git_filter.sh --force  # also in a linked worktree (changes the
#                                           # config shared by all its worktrees)
set -e
if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "git filter: not a git checkout, nothing to set up"; exit 0
fi
gitdir=$(git rev-parse --absolute-git-dir)
common=$(cd "$(git rev-parse --git-common-dir)" && pwd -P)
if [ "$(cd "$gitdir" && pwd -P)" != "$common" ] && [ "$1" != "--force" ]; then
  echo "git filter: linked worktree, shared git config left alone (sh tools/install_git_filter.sh --force to set it)"
  exit 0
fi
# Relative to the top of the work tree, where git runs filters: each checkout uses its own .venv.
clean='.venv/bin/python -m nbstripout --extra-keys metadata.language_info'
git config filter.nbstripout.clean "$clean"
git config filter.nbstripout.smudge cat
git config diff.ipynb.textconv "$clean -t"
echo "git filter: nbstripout set up (notebooks are committed without outputs)"
