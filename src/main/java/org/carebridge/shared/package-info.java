/**
 * What every module shares: the API's error vocabulary (400 naming fields, 404, 409, 429) rendered as
 * RFC 7807 problem details.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.carebridge.shared;
