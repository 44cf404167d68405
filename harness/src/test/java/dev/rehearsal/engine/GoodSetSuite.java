package dev.rehearsal.engine;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/** A JUnit suite running the Rehearsal engine on a class-path directory; out of Surefire's includes by name. */
@Suite
@IncludeEngines("rehearsal")
@SelectClasspathResource("engine/good")
@ConfigurationParameter(key = Constants.REPORT_DIR, value = "target/rehearsal-suite-reports")
class GoodSetSuite {
}
