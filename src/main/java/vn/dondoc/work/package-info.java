/** Work modelled in Camunda Modeler: every open user task with a due date of any deployed process, tracked like a directive. */
package vn.dondoc.work;
