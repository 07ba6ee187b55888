package org.veille.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queries behind the pages: they join the caller's transaction when there is one, and otherwise run each statement
 * on its own, on one connection for the whole method. A transaction of their own would add a {@code BEGIN} and a
 * {@code COMMIT} round trip and a JPA entity manager to each call (a tag page made four such calls) and give
 * nothing: under PostgreSQL's READ COMMITTED each statement reads its own snapshot either way (issue 16).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
public @interface PageReads {

}
