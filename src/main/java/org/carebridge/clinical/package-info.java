/**
 * The clinical vocabulary the patient record and the guidelines share: sex, the ACVPU levels of
 * consciousness, the WHO IMCI general danger signs.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.carebridge.clinical;
