// GitHub code scanning, Jenkins and GitLab reports for a module in a repository subfolder,
// with a broken overlay in a folder named with a space, '#' and 'ü'; then skip, a mistyped
// configDirectory, and adoption with a baseline (see invoker.properties for the six builds).
import groovy.json.JsonSlurper
import io.github.kustomizelint.report.SarifSchema

def log = new File(basedir, 'build.log').text
def module = new File(basedir, 'deploy/operator')
def reports = new File(module, 'target/kustomize-lint')
def overlay = 'deploy/operator/config/overlays/over lay #1 ü'

// 1: the failing line is clickable from where Maven was started (the repository root)
assert log.contains("[ERROR] ${overlay}/replicas.yaml:2:1: error [patch-target-missing]")

def sarifFile = new File(reports, 'kustomize-lint.sarif')
def sarifText = sarifFile.getText('UTF-8')
assert SarifSchema.errors(sarifText) == []
def run = new JsonSlurper().parseText(sarifText).runs[0]
assert run.automationDetails.id == 'kustomize-lint/operator/'
assert run.tool.driver.rules.every { it.helpUri && it.help.markdown && it.name }
assert !run.results.isEmpty()
def root = basedir.toURI()
def sarifFindings = [] as Set
run.results.each { r ->
  assert r.partialFingerprints['kustomizeLint/v1']
  (r.locations + (r.relatedLocations ?: [])).each { l ->
    def uri = l.physicalLocation.artifactLocation.uri
    assert !uri.contains(' ') && !uri.contains('#') && !uri.contains('ü')
    assert new File(root.resolve(uri)).isFile(), "${uri} does not resolve from the repository root"
  }
  def loc = r.locations[0].physicalLocation
  sarifFindings << [new File(root.resolve(loc.artifactLocation.uri)).canonicalPath,
                    loc.region.startLine, r.ruleId]
}
def missing = run.results.find { it.ruleId == 'patch-target-missing' }
assert missing.locations[0].physicalLocation.artifactLocation.uri ==
    'deploy/operator/config/overlays/over%20lay%20%231%20%C3%BC/replicas.yaml'

// Checkstyle XML and GitLab Code Quality hold the same findings as the SARIF
def checkstyle = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(reports, 'checkstyle-result.xml'))
def csFindings = [] as Set
def errors = checkstyle.getElementsByTagName('error')
for (int i = 0; i < errors.length; i++) {
  def e = errors.item(i)
  csFindings << [new File(e.parentNode.getAttribute('name')).canonicalPath,
                 e.getAttribute('line') as int, e.getAttribute('source') - 'kustomize-lint.']
}
assert csFindings == sarifFindings
def gl = new JsonSlurper().parse(new File(reports, 'gl-code-quality-report.json'), 'UTF-8')
assert gl.every { it.fingerprint && it.severity && it.description }
assert gl.collect { [new File(basedir, it.location.path).canonicalPath, it.location.lines.begin,
                     it.check_name] } as Set == sarifFindings

// 2: skipped, an empty but valid run
def skipped = new File(reports, 'skipped.sarif').getText('UTF-8')
assert SarifSchema.errors(skipped) == []
assert new JsonSlurper().parseText(skipped).runs[0].results == []
assert log.contains('[INFO] kustomize-lint: skipped (kustomize-lint.skip)')

// 3: a mistyped configDirectory names itself
assert log.contains('<configDirectory> (kustomize-lint.configDirectory) deploy/operator/confg does not exist')

// 4, 5: the baseline accepts today's findings, so the same tree passes
def baseline = new JsonSlurper().parse(new File(module, 'kustomize-lint-baseline.json'), 'UTF-8')
assert baseline.findings*.rule.contains('patch-target-missing')
assert log.contains("[INFO] ${overlay}/replicas.yaml:2:1: error [patch-target-missing]")
assert log.contains('(baselined)')
def accepted = new JsonSlurper().parse(new File(reports, 'baselined.sarif'), 'UTF-8').runs[0].results
assert accepted*.baselineState == ['unchanged']

// 6: the new broken patch fails, the baselined one still does not
assert log.contains('[ERROR] deploy/operator/config/overlays/staging/memory.yaml:2:1: error [patch-target-missing]')
assert log.contains('kustomize-lint found 1 error, 0 warnings')
def fresh = new JsonSlurper().parse(new File(reports, 'new.sarif'), 'UTF-8').runs[0].results
assert fresh.find { it.baselineState == 'new' }.locations[0].physicalLocation.artifactLocation.uri ==
    'deploy/operator/config/overlays/staging/memory.yaml'
assert fresh*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri
    .contains('deploy/operator/config/overlays/staging/memory.yaml')
return true
