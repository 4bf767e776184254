package dev.rosetta.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against an in-process Rosetta. Test methods, lifecycle methods and
 * constructors may declare parameters of type {@link Rosetta} (endpoint, credentials) and
 * {@code software.amazon.awssdk.services.s3.S3Client} (a ready client).
 *
 * <pre>{@code
 * @RosettaTest
 * class UploadsTest {
 *     @Test
 *     void stores(S3Client s3) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RosettaExtension.class)
public @interface RosettaTest {

    /** One server for the whole class (default), or a fresh one for every test. */
    Lifecycle lifecycle() default Lifecycle.PER_CLASS;

    /** How long a server lives. */
    enum Lifecycle {
        PER_CLASS, PER_METHOD
    }
}
