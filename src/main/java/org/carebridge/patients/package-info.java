/**
 * The patient record: demographics and identifiers, observations (vital signs and labs with their
 * LOINC codes and units) and encounters with their notes. Every read and write is audited, and a
 * user sees only the patients of the facility and regions they serve.
 */
package org.carebridge.patients;
