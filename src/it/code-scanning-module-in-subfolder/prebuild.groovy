// Make the cloned project a git repository, as a checkout in CI is.
def git = new File(basedir, '.git')
try {
  def p = ['git', 'init', '-q', basedir.absolutePath].execute()
  p.waitFor()
} catch (IOException ignored) {
  // no git on this machine: a .git folder is all the plugin looks for
}
if (!git.exists()) {
  new File(git, 'refs/heads').mkdirs()
  new File(git, 'HEAD').text = 'ref: refs/heads/main\n'
}
return true
