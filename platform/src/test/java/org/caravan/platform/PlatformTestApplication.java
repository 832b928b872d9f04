package org.caravan.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The platform alone, as a service without features of its own would run it. */
@SpringBootApplication
class PlatformTestApplication {}
